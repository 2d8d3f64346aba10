package io.tuneforge.dataset.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.dataset.domain.DatasetVersion;
import io.tuneforge.dataset.domain.FeedbackPair;
import io.tuneforge.dataset.domain.FeedbackSource;
import io.tuneforge.dataset.ingest.DatasetIngestion;
import io.tuneforge.dataset.domain.DatasetRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes a new version of a preference dataset from its pending feedback pairs: the latest validated version's
 * examples followed by the pairs (or the pairs alone), through {@link DatasetIngestion} exactly like an append, so it
 * is validated, split, given lineage and announced ({@code dataset.validated} / {@code dataset.rejected}) like any
 * other version.
 *
 * <p>Concurrency: a build first takes a lease on the feedback source (under its row lock), so two triggers or two
 * replicas do not build at once; and the pairs are taken in the transaction that stores the version, after the
 * dataset row is locked (as every upload locks it), only if they are all still pending, so even a builder whose
 * lease expired cannot put the same pairs into a second version.
 */
@ApplicationScoped
public class FeedbackVersions {

    private static final Logger LOG = Logger.getLogger(FeedbackVersions.class);
    private static final int BATCH = 500;

    /** What started a build, as shown in the version's lineage. */
    public enum Trigger {
        AUTO, ON_DEMAND;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The lineage of a version made from feedback.
     *
     * @param alias       the gateway alias the feedback came from
     * @param pairs       pairs the version added after its parent's examples
     * @param byRule      those pairs per rule ({@code correction}, {@code rated})
     * @param redactedPii whether personal data in the pairs was replaced by placeholders
     * @param trigger     {@code auto} (pending pairs reached {@code min_new_pairs}) or {@code on_demand}
     */
    public record FeedbackLineage(String alias, long pairs, Map<String, Long> byRule, boolean redactedPii, String trigger) {
    }

    @Inject
    DatasetIngestion ingestion;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    FeedbackConfig config;

    @Inject
    ObjectMapper json;

    private record Claim(List<String> pairIds, String alias, boolean redactPii, int minNewPairs, Instant lease) {
    }

    /** The automatic build: only when the pending pairs reach the threshold and no other build is running. */
    public Optional<DatasetVersion> buildIfDue(String tenantId, String datasetId) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> {
            FeedbackSource source = lockedSource(tenantId, datasetId);
            if (source == null || leased(source) || !source.autoVersionDue(FeedbackPair.countPending(datasetId))) {
                return null;
            }
            return claim(source);
        });
        return claim == null ? Optional.empty() : Optional.of(build(tenantId, datasetId, claim, Trigger.AUTO));
    }

    /** {@code POST .../feedback-source/versions}: whatever is pending, now. */
    public DatasetVersion buildNow(String tenantId, String datasetId) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> {
            FeedbackSource source = lockedSource(tenantId, datasetId);
            if (source == null) {
                throw DatasetRefusal.notFound("Feedback source", datasetId);
            }
            if (leased(source)) {
                throw DatasetRefusal.conflict("Feedback version in progress", "A version of dataset " + datasetId
                        + " is being built from its pending feedback pairs right now (started " + source.buildStartedAt
                        + "); list the versions in a moment instead of starting another.");
            }
            if (FeedbackPair.countPending(datasetId) == 0) {
                throw DatasetRefusal.conflict("No pending feedback pairs", "Dataset " + datasetId + " has no pending feedback "
                        + "pairs: every pair is in a version already, or feedback on alias '" + source.alias + "' made none yet. "
                        + "GET .../feedback-source shows feedback without an exchange (capture off on the alias) and feedback "
                        + "that made no pair, per reason.");
            }
            return claim(source);
        });
        return build(tenantId, datasetId, claim, Trigger.ON_DEMAND);
    }

    /**
     * A reviewer drops a pending pair before any version takes it (counted as {@code rejected_by_reviewer}).
     * Refused while a version is being built from the pending pairs, so a build never loses a pair it claimed.
     */
    @Transactional
    public void rejectPending(String tenantId, String datasetId, String pairId) {
        FeedbackSource source = lockedSource(tenantId, datasetId);
        if (source == null) {
            throw DatasetRefusal.notFound("Feedback source", datasetId);
        }
        FeedbackPair pair = FeedbackPair.<FeedbackPair>find("id = ?1 and datasetId = ?2", pairId, datasetId).firstResultOptional()
                .orElseThrow(() -> DatasetRefusal.notFound("Feedback pair", pairId));
        if (pair.versionId != null) {
            throw DatasetRefusal.conflict("Feedback pair already in a version", "Pair " + pairId + " is part of version "
                    + pair.version + " of dataset " + datasetId + "; versions never change. Delete that version, or upload a "
                    + "corrected one, to leave the pair out.");
        }
        if (leased(source)) {
            throw DatasetRefusal.conflict("Feedback version in progress", "A version of dataset " + datasetId + " is being built "
                    + "from the pending pairs right now; review the pair again once it is done (it may be in that version).");
        }
        pair.delete();
        FeedbackSource.countSkipped(datasetId, "rejected_by_reviewer", 1);
    }

    private FeedbackSource lockedSource(String tenantId, String datasetId) {
        FeedbackSource source = FeedbackSource.findOwned(tenantId, datasetId).orElse(null);
        if (source != null) {
            em.refresh(source, LockModeType.PESSIMISTIC_WRITE);
        }
        return source;
    }

    private boolean leased(FeedbackSource source) {
        return source.buildStartedAt != null && source.buildStartedAt.isAfter(clock.instant().minus(config.buildLease()));
    }

    /** Takes the lease and snapshots the pending pairs (ids only: the content is streamed to the file in pages). */
    private Claim claim(FeedbackSource source) {
        List<String> ids = em.createQuery("select p.id from FeedbackPair p where p.datasetId = ?1 and p.versionId is null "
                + "order by p.createdAt, p.id", String.class).setParameter(1, source.datasetId).getResultList();
        // Millisecond precision: the lease is released by comparing it with the stored timestamp (microseconds).
        Instant lease = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        source.buildStartedAt = lease;
        return new Claim(ids, source.alias, source.redactPii, source.minNewPairs, lease);
    }

    private DatasetVersion build(String tenantId, String datasetId, Claim claim, Trigger trigger) {
        Path lines = null;
        DatasetVersion version = null;
        try {
            lines = Files.createTempFile("tuneforge-feedback-", ".jsonl");
            Map<String, Long> byRule = writePairs(claim.pairIds(), lines);
            FeedbackLineage lineage = new FeedbackLineage(claim.alias(), claim.pairIds().size(), byRule, claim.redactPii(),
                    trigger.wireName());
            DatasetIngestion.FeedbackBatch batch = new DatasetIngestion.FeedbackBatch(lines, write(lineage),
                    stored -> take(datasetId, claim, stored));
            version = ingestion.ingest(new DatasetIngestion.Request(tenantId, datasetId,
                    DatasetVersion.Mode.FEEDBACK, null, false, null, batch, null), InputStream.nullInputStream());
            LOG.infof("dataset %s: version %d from %d feedback pairs (%s), %s", datasetId, version.version,
                    claim.pairIds().size(), trigger.wireName(), version.status.name().toLowerCase(Locale.ROOT));
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the feedback pairs to a scratch file failed", e);
        } finally {
            finish(datasetId, claim, version);
            if (lines != null) {
                try {
                    Files.deleteIfExists(lines);
                } catch (IOException e) {
                    // scratch space in the temp directory: a leftover file is harmless
                }
            }
        }
    }

    /** The pairs as preference JSONL lines, in the order they were made; returns the count per rule. */
    private Map<String, Long> writePairs(List<String> ids, Path file) throws IOException {
        Map<String, Long> byRule = new TreeMap<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                Map<String, FeedbackPair> byId = new HashMap<>();
                QuarkusTransaction.requiringNew().call(() -> FeedbackPair.<FeedbackPair>list("id in ?1", batch))
                        .forEach(p -> byId.put(p.id, p));
                for (String id : batch) {
                    FeedbackPair pair = byId.get(id);
                    if (pair == null) {
                        throw new IllegalStateException("pending pair " + id + " disappeared (its dataset was deleted?)");
                    }
                    out.write(pair.content);
                    out.write('\n');
                    byRule.merge(pair.rule.wireName(), 1L, Long::sum);
                }
            }
        }
        return byRule;
    }

    /**
     * In the transaction that stores the version, under the dataset lock: a validated version marks its pairs (never
     * reused); a rejected one leaves them pending. Each pair was accepted by the engine on its own when it was made,
     * so a rejection comes from a whole-file rule (typically too few examples in a dataset that has no validated
     * version yet), which more pairs cure: keeping them would throw good data away. Auto-versioning then waits for
     * {@code min_new_pairs} more pairs instead of building a rejected version at every new event.
     */
    private void take(String datasetId, Claim claim, DatasetVersion version) {
        List<String> ids = claim.pairIds();
        long taken = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            taken += version.status == DatasetVersion.Status.VALIDATED
                    ? em.createQuery("update FeedbackPair p set p.versionId = ?1, p.version = ?2 where p.id in ?3 and p.versionId is null")
                            .setParameter(1, version.id).setParameter(2, version.version).setParameter(3, batch).executeUpdate()
                    : em.createQuery("select count(p) from FeedbackPair p where p.id in ?1 and p.versionId is null", Long.class)
                            .setParameter(1, batch).getSingleResult();
        }
        if (taken != ids.size()) {
            throw DatasetRefusal.conflict("Feedback pairs already taken", (ids.size() - taken) + " of the " + ids.size()
                    + " pending pairs of dataset " + datasetId + " went into another version while this one was built; "
                    + "nothing was stored. Build again to use the pairs still pending.");
        }
    }

    /**
     * Releases the lease and, after a stored version, sets or clears the auto-versioning hold. Not done in the store
     * transaction: that one holds the dataset row lock, and the consumer, which holds the source row lock, waits for the
     * dataset row (the foreign key of a new pair) — taking the source row there could deadlock.
     */
    private void finish(String datasetId, Claim claim, DatasetVersion version) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                FeedbackSource source = em.find(FeedbackSource.class, datasetId, LockModeType.PESSIMISTIC_WRITE);
                if (source == null || !claim.lease().equals(source.buildStartedAt)) {
                    return; // the source was removed, or the lease expired and another build holds it now
                }
                source.buildStartedAt = null;
                if (version != null) {
                    source.autoHoldUntil = version.status == DatasetVersion.Status.VALIDATED ? null
                            : claim.pairIds().size() + claim.minNewPairs();
                }
            });
        } catch (RuntimeException e) {
            // The lease expires on its own (tuneforge.dataset.feedback.build-lease).
            LOG.warnf("dataset %s: could not release the feedback build lease: %s", datasetId, e);
        }
    }

    private String write(FeedbackLineage lineage) {
        try {
            return json.writeValueAsString(lineage);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lineage is a plain record and always serializes", e);
        }
    }
}
