package io.tuneforge.dataset.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.domain.DatasetVersion;
import io.tuneforge.dataset.feedback.FeedbackVersions;
import io.tuneforge.dataset.ingest.DatasetIngestion;
import io.tuneforge.dataset.ingest.UploadFinding;
import io.tuneforge.dataset.split.SplitPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stored version as every endpoint that answers with one shows it (uploads, redacted copies, feedback versions). */
@ApplicationScoped
public class VersionViews {

    @Inject
    ObjectMapper json;

    DatasetResource.VersionView view(DatasetVersion v, List<UploadFinding> findings) {
        Integer parentVersion = v.parentVersionId == null ? null
                : DatasetVersion.<DatasetVersion>findByIdOptional(v.parentVersionId).map(p -> p.version).orElse(null);
        DatasetResource.Lineage lineage = new DatasetResource.Lineage(v.mode.wireName(), parentVersion, v.parentVersionId,
                v.uploadedBytes, v.firstUploadedLine, v.importFormat,
                v.redactionReport == null ? null : read(v.redactionReport, DatasetIngestion.RedactionReport.class),
                v.feedbackReport == null ? null : read(v.feedbackReport, FeedbackVersions.FeedbackLineage.class));
        Map<String, SplitPlan.SplitStats> splits = Map.of();
        if (v.splitStats != null) {
            try {
                splits = json.readValue(v.splitStats, new TypeReference<LinkedHashMap<String, SplitPlan.SplitStats>>() { });
            } catch (Exception e) {
                throw new IllegalStateException("stored split statistics of " + v.id + " are unreadable", e);
            }
        }
        return new DatasetResource.VersionView(v.id, v.datasetId, v.version, v.status.name().toLowerCase(), v.exampleCount,
                v.errorCount, v.encoding, v.billableTokens, v.createdAt, lineage,
                v.testSize() == null ? null : v.testSize().value(), v.stratified, splits, findings);
    }

    /** The version with its findings (what a create answers with). */
    DatasetResource.VersionView withFindings(DatasetVersion v) {
        return view(v, findingsOf(v));
    }

    List<UploadFinding> findingsOf(DatasetVersion v) {
        try {
            return json.readValue(v.findings, new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored findings of " + v.id + " are unreadable", e);
        }
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (Exception e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
