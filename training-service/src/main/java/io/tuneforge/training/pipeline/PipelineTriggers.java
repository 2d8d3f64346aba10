package io.tuneforge.training.pipeline;

import io.tuneforge.training.domain.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Records a new validated dataset version as pending on every auto-train pipeline of that dataset.
 * A newer version arriving within the debounce replaces it and restarts the wait, so a burst of
 * uploads trains once, on the latest.
 */
@ApplicationScoped
public class PipelineTriggers {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public int onNewVersion(String tenantId, String datasetId, String versionId) {
        Instant now = clock.instant();
        return Pipeline.update("pendingVersionId = ?1, pendingSince = ?2, updatedAt = ?2 "
                + "where tenantId = ?3 and datasetId = ?4 and autoTrain = true", versionId, now, tenantId, datasetId);
    }
}
