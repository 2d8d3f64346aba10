package io.tuneforge.cost.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.cost.budget.BudgetReservations;
import io.tuneforge.cost.spend.SpendLedger;
import io.tuneforge.events.Topics;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Books the actual training cost of every finished job ({@value Topics#JOB_SUCCEEDED}); the actual spend
 * replaces the job's budget reservation in the same transaction.
 */
@ApplicationScoped
public class JobSucceededConsumer {

    static final String CONSUMER = "training-actuals";

    @Inject
    EventInbox inbox;

    @Inject
    SpendLedger ledger;

    @Inject
    BudgetReservations reservations;

    @Incoming("job-succeeded")
    @Blocking
    public CompletionStage<Void> onJobSucceeded(Message<String> message) {
        return inbox.process(CONSUMER, message, JobSucceeded.class,
                event -> {
                    ledger.recordTraining(event.tenantId(), event.payload());
                    reservations.release(event.tenantId(), event.payload().jobId(), "job_succeeded");
                });
    }
}
