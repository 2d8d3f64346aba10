package io.tuneforge.dataset.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.dataset.domain.FeedbackPair;
import io.tuneforge.dataset.domain.FeedbackSource;
import io.tuneforge.dataset.domain.FeedbackWaiting;
import io.tuneforge.dataset.ingest.ValidationEngine;
import io.tuneforge.events.feedback.FeedbackExchange;
import io.tuneforge.events.feedback.FeedbackRecorded;
import io.tuneforge.platform.ids.EntityIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pair rules: what one {@code feedback.recorded} event adds to each preference dataset of its tenant whose feedback
 * source names its alias. Runs in the consumer's inbox transaction, so the pair, the counters and the event id are
 * committed together. Feedback that makes no pair is counted with its reason, never an error.
 */
@ApplicationScoped
public class FeedbackPairIntake {

    private static final Logger LOG = Logger.getLogger(FeedbackPairIntake.class);

    /** Why a feedback made no pair (the keys of the source's {@code unpaired} counts). */
    public static final String CORRECTION_SAME_AS_OUTPUT = "correction_same_as_output";
    public static final String NEUTRAL_RATING = "neutral_rating";
    public static final String OUTPUT_WITHOUT_CONTENT = "output_without_content";
    public static final String INVALID_PAIR = "invalid_pair";
    public static final String DUPLICATE_FEEDBACK = "duplicate_feedback";
    public static final String NO_COUNTERPART = "no_counterpart";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    FeedbackConfig config;

    @Inject
    PreferencePairs pairs;

    @Inject
    ValidationEngine engine;

    /** Applies the feedback; returns the datasets whose pending pairs now call for an automatic version. */
    public Set<String> apply(String tenantId, FeedbackRecorded feedback) {
        Set<String> due = new LinkedHashSet<>();
        if (feedback.alias() == null || feedback.alias().isBlank()) {
            return due; // a direct model call: no alias, so no source can name it
        }
        for (FeedbackSource source : FeedbackSource.ofAlias(tenantId, feedback.alias())) {
            // One feedback at a time per dataset: two answers to the same input arriving on different partitions
            // must see each other's waiting row, and counters must not lose increments.
            em.refresh(source, LockModeType.PESSIMISTIC_WRITE);
            applyTo(source, feedback);
            if (source.autoVersionDue(FeedbackPair.countPending(source.datasetId))) {
                due.add(source.datasetId);
            }
        }
        return due;
    }

    private void applyTo(FeedbackSource source, FeedbackRecorded feedback) {
        source.feedbackSeen++;
        FeedbackExchange exchange = feedback.exchange();
        if (exchange == null) {
            // The alias does not capture exchanges: the count tells the user to turn capture on.
            source.feedbackWithoutExchange++;
            return;
        }
        if (alreadyUsed(source.datasetId, feedback.feedbackId())) {
            skip(source, DUPLICATE_FEEDBACK, 1);
            return;
        }
        dropExpired(source);
        String correction = exchange.correctedOutput();
        boolean corrects = correction != null && !correction.isBlank() && pairs.differs(correction, exchange.output());
        ObjectNode served = pairs.served(exchange.output());
        if (served == null) {
            skip(source, OUTPUT_WITHOUT_CONTENT, 1);
            return;
        }
        if (corrects) {
            String line = pairs.line(pairs.input(exchange), pairs.corrected(correction), served);
            keepPair(source, feedback, null, FeedbackPair.Rule.CORRECTION, line);
            return;
        }
        boolean positive = !feedback.negative() && feedback.score() >= config.positiveScore();
        if (!positive && !feedback.negative()) {
            skip(source, correction != null && !correction.isBlank() ? CORRECTION_SAME_AS_OUTPUT : NEUTRAL_RATING, 1);
            return;
        }
        String key = pairs.inputKey(exchange);
        FeedbackWaiting counterpart = FeedbackWaiting.counterpartOf(source.datasetId, key, positive, feedback.completionId())
                .orElse(null);
        if (counterpart == null) {
            wait(source, feedback, key, positive);
            return;
        }
        JsonNode input = pairs.read(counterpart.input);
        JsonNode other = pairs.read(counterpart.output);
        JsonNode mine = pairs.read(redacted(source, pairs.write(served)));
        String line = positive ? pairs.line(input, mine, other) : pairs.line(input, other, mine);
        if (keepPair(source, feedback, counterpart.feedbackId, FeedbackPair.Rule.RATED, line)) {
            counterpart.delete();
        }
    }

    /** Stores the pair (redacted when the source says so) if the engine accepts it on its own; counts it otherwise. */
    private boolean keepPair(FeedbackSource source, FeedbackRecorded feedback, String counterpartId, FeedbackPair.Rule rule,
                             String line) {
        String content = redacted(source, line);
        List<String> errors = engine.exampleErrors(content);
        if (!errors.isEmpty()) {
            LOG.infof("feedback %s for dataset %s made no %s pair: the engine rejects it (%s)", feedback.feedbackId(),
                    source.datasetId, rule.wireName(), String.join(", ", errors));
            skip(source, INVALID_PAIR, 1);
            return false;
        }
        FeedbackPair pair = new FeedbackPair();
        pair.id = EntityIds.next("fbp");
        pair.tenantId = source.tenantId;
        pair.datasetId = source.datasetId;
        pair.feedbackId = feedback.feedbackId();
        pair.counterpartFeedbackId = counterpartId;
        pair.rule = rule;
        pair.content = content;
        pair.createdAt = clock.instant();
        pair.persist();
        return true;
    }

    private void wait(FeedbackSource source, FeedbackRecorded feedback, String key, boolean positive) {
        FeedbackWaiting waiting = new FeedbackWaiting();
        waiting.id = EntityIds.next("fbw");
        waiting.tenantId = source.tenantId;
        waiting.datasetId = source.datasetId;
        waiting.feedbackId = feedback.feedbackId();
        waiting.completionId = feedback.completionId();
        waiting.inputKey = key;
        waiting.positive = positive;
        waiting.input = redacted(source, pairs.write(pairs.input(feedback.exchange())));
        waiting.output = redacted(source, pairs.write(pairs.served(feedback.exchange().output())));
        waiting.receivedAt = clock.instant();
        waiting.persist();
        em.flush();
        long over = FeedbackWaiting.countOf(source.datasetId) - config.waitingLimit();
        if (over > 0) {
            int dropped = em.createNativeQuery("""
                            delete from feedback_waiting where id in (
                                select id from feedback_waiting where dataset_id = :dataset order by received_at, id limit :n)""")
                    .setParameter("dataset", source.datasetId).setParameter("n", over).executeUpdate();
            skip(source, NO_COUNTERPART, dropped);
        }
    }

    /** Rated answers that waited past the retention are dropped: checked whenever feedback reaches the dataset. */
    private void dropExpired(FeedbackSource source) {
        Instant before = clock.instant().minus(config.waitingRetention());
        long dropped = FeedbackWaiting.delete("datasetId = ?1 and receivedAt < ?2", source.datasetId, before);
        skip(source, NO_COUNTERPART, dropped);
    }

    /** The same feedback (under another event id) already made a pair or waits for a counterpart. */
    private boolean alreadyUsed(String datasetId, String feedbackId) {
        return FeedbackPair.count("datasetId = ?1 and (feedbackId = ?2 or counterpartFeedbackId = ?2)", datasetId, feedbackId) > 0
                || FeedbackWaiting.count("datasetId = ?1 and feedbackId = ?2", datasetId, feedbackId) > 0;
    }

    private String redacted(FeedbackSource source, String json) {
        return source.redactPii ? pairs.redact(json) : json;
    }

    private static void skip(FeedbackSource source, String reason, long count) {
        FeedbackSource.countSkipped(source.datasetId, reason, count);
    }
}
