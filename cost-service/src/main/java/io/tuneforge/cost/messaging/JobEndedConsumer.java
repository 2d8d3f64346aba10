package io.tuneforge.cost.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.cost.budget.BudgetReservations;
import io.tuneforge.cost.spend.SpendLedger;
import io.tuneforge.events.Topics;
import io.tuneforge.events.job.JobCancelled;
import io.tuneforge.events.job.JobFailed;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Releases the budget reservation of a job that ended without a model ({@value Topics#JOB_FAILED},
 * {@value Topics#JOB_CANCELLED}); a failed job's already-billed tokens are booked as its actual spend.
 */
@ApplicationScoped
public class JobEndedConsumer {

    static final String FAILURES = "training-failures";
    static final String CANCELLATIONS = "training-cancellations";

    @Inject
    EventInbox inbox;

    @Inject
    SpendLedger ledger;

    @Inject
    BudgetReservations reservations;

    @Inject
    Clock clock;

    @Incoming("job-failed")
    @Blocking
    public CompletionStage<Void> onJobFailed(Message<String> message) {
        return inbox.process(FAILURES, message, JobFailed.class, event -> {
            ledger.recordFailedTraining(event.tenantId(), event.payload(), occurredAt(event));
            reservations.release(event.tenantId(), event.payload().jobId(), "job_failed");
        });
    }

    @Incoming("job-cancelled")
    @Blocking
    public CompletionStage<Void> onJobCancelled(Message<String> message) {
        return inbox.process(CANCELLATIONS, message, JobCancelled.class,
                event -> reservations.release(event.tenantId(), event.payload().jobId(), "job_cancelled"));
    }

    /** job.failed carries no time of its own: the envelope's time is when the failure was announced. */
    private Instant occurredAt(ReceivedEvent<?> event) {
        return event.time() != null ? event.time() : clock.instant();
    }
}
