package io.tuneforge.dataset.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.dataset.feedback.FeedbackPairIntake;
import io.tuneforge.dataset.feedback.FeedbackVersions;
import io.tuneforge.events.MalformedEventException;
import io.tuneforge.events.Topics;
import io.tuneforge.events.feedback.FeedbackExchange;
import io.tuneforge.events.feedback.FeedbackRecorded;
import io.tuneforge.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Turns users' feedback on gateway answers ({@value Topics#FEEDBACK_RECORDED}) into preference pairs for the datasets
 * whose feedback source names the alias, once per event (inbox), and builds a version when a dataset's pending pairs
 * reach its threshold.
 */
@ApplicationScoped
public class FeedbackRecordedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackRecordedConsumer.class);

    static final String CONSUMER = "feedback-pairs";

    @Inject
    EventInbox inbox;

    @Inject
    FeedbackPairIntake intake;

    @Inject
    FeedbackVersions versions;

    @Incoming("feedback-recorded")
    @Blocking
    public CompletionStage<Void> onFeedbackRecorded(Message<String> message) {
        Set<String> due = new LinkedHashSet<>();
        String[] tenant = new String[1];
        CompletionStage<Void> done = inbox.process(CONSUMER, message, FeedbackRecorded.class, event -> {
            due.clear(); // a retried attempt starts over
            tenant[0] = event.tenantId();
            checkContract(event.payload());
            due.addAll(intake.apply(event.tenantId(), event.payload()));
        });
        // After the inbox transaction committed the pairs: a version is built from committed pairs only, in its own
        // transactions. A failure here does not undo the feedback (it is applied); the next feedback on the alias, or
        // POST .../feedback-source/versions, builds the version instead.
        for (String datasetId : due) {
            try {
                versions.buildIfDue(tenant[0], datasetId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "dataset %s: the automatic feedback version failed; it is retried on the next feedback", datasetId);
            }
        }
        return done;
    }

    /**
     * What the schema requires and the pair rules rely on. Jackson reads a payload missing these as nulls and zeros, which
     * would pass as an unrated anonymous feedback: such an event is dead-lettered at once instead (retrying cannot fix it).
     */
    private static void checkContract(FeedbackRecorded feedback) {
        List<String> broken = new ArrayList<>();
        if (feedback.feedbackId() == null || feedback.feedbackId().isBlank()) {
            broken.add("feedback_id is missing");
        }
        if (feedback.completionId() == null || feedback.completionId().isBlank()) {
            broken.add("completion_id is missing");
        }
        if (feedback.rating() == null || Double.isNaN(feedback.score()) || feedback.score() < 0 || feedback.score() > 1) {
            broken.add("rating is missing or score is outside 0..1");
        }
        FeedbackExchange exchange = feedback.exchange();
        if (exchange != null && (exchange.messages() == null || exchange.messages().isEmpty() || exchange.output() == null)) {
            broken.add("exchange needs messages (non-empty) and output");
        }
        if (!broken.isEmpty()) {
            throw new MalformedEventException("feedback " + feedback.feedbackId() + ": " + String.join("; ", broken));
        }
    }
}
