package io.tuneforge.training.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.training.domain.ProviderFile;
import io.tuneforge.training.provider.FineTuningProvider;
import io.tuneforge.training.provider.ProviderConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Gets a dataset split onto a provider account once: the file id is kept per (account, dataset
 * version, split) and every later job on that version reuses it instead of uploading again.
 */
@ApplicationScoped
public class ProviderFiles {

    @Inject
    DatasetSplits splits;

    @Inject
    FineTuningProvider provider;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public String ensure(ProviderConnection account, String tenantId, String datasetVersionId, String split, String contentPath) {
        Optional<String> known = QuarkusTransaction.requiringNew().call(() ->
                ProviderFile.of(account.accountId(), datasetVersionId, split).map(f -> f.providerFileId));
        if (known.isPresent()) {
            return known.get();
        }
        String filename = split + "-" + datasetVersionId + ".jsonl";
        Path spooled = splits.spool(tenantId, contentPath, filename);
        try {
            long bytes = Files.size(spooled);
            String fileId = provider.uploadFile(account, spooled, filename);
            // Two jobs may race on the same version: the first row wins, the loser's upload is an orphan file.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into provider_file (account_id, dataset_version_id, split, provider_file_id, bytes, uploaded_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                    .setParameter(1, account.accountId()).setParameter(2, datasetVersionId).setParameter(3, split)
                    .setParameter(4, fileId).setParameter(5, bytes).setParameter(6, clock.instant()).executeUpdate());
            return QuarkusTransaction.requiringNew().call(() ->
                    ProviderFile.of(account.accountId(), datasetVersionId, split).orElseThrow().providerFileId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DatasetSplits.delete(spooled);
        }
    }
}
