package io.tuneforge.gateway.feedback;

import io.tuneforge.events.feedback.FeedbackExchange;
import io.tuneforge.events.feedback.FeedbackRecorded;
import io.tuneforge.gateway.capture.CapturedExchanges;
import io.tuneforge.gateway.domain.Alias;
import io.tuneforge.gateway.domain.Arm;
import io.tuneforge.gateway.domain.Feedback;
import io.tuneforge.gateway.domain.InferenceCall;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Records a rating of a served completion against the model and arm that served it, announces it
 * (feedback.recorded, with the captured exchange and the correction when the alias captured the call) and
 * lets the {@link QualityGuard} judge the alias's stable model.
 */
@ApplicationScoped
public class FeedbackIntake {

    @Inject
    Outbox outbox;

    @Inject
    QualityGuard guard;

    @Inject
    CapturedExchanges exchanges;

    @Inject
    Clock clock;

    @Transactional
    public Feedback record(String tenantId, InferenceCall call, Rating rating, String comment, String correctedOutput) {
        Feedback f = new Feedback();
        f.id = EntityIds.next("fb");
        f.tenantId = tenantId;
        f.completionId = call.completionId;
        f.alias = call.alias;
        f.model = call.model;
        f.arm = call.arm;
        f.rating = rating.wire();
        f.score = rating.score();
        f.negative = rating.negative();
        f.comment = comment == null || comment.isBlank() ? null : comment;
        f.correctedOutput = correctedOutput == null || correctedOutput.isEmpty() ? null : correctedOutput;
        f.pipelineId = call.pipelineId;
        f.createdAt = clock.instant();
        f.persist();
        // Read when the feedback comes in, not copied onto it: the exchange stays under its own retention.
        FeedbackExchange exchange = exchanges.forFeedback(tenantId, f.completionId, f.correctedOutput).orElse(null);
        outbox.publish(tenantId, new FeedbackRecorded(f.id, f.completionId, f.alias, f.model, f.arm, f.rating, f.score, f.negative,
                f.comment != null, f.correctedOutput != null, f.pipelineId, exchange));
        if (f.alias != null && Arm.STABLE.wire().equals(f.arm)) {
            Alias.of(tenantId, f.alias).filter(a -> a.stableModel.equals(f.model)).ifPresent(a -> guard.check(tenantId, a));
        }
        return f;
    }
}
