package io.tuneforge.training.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.training.TrainingConfig;
import io.tuneforge.training.accounts.ApiKeyVault;
import io.tuneforge.training.domain.ProviderAccount;
import io.tuneforge.training.provider.FineTuningProvider;
import io.tuneforge.training.provider.ProviderException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Provider webhooks (fine_tuning.job.succeeded/failed/cancelled). Outside /api: the provider cannot
 * send a tenant key, so the signature (verified by openai-java with the account's signing secret) is
 * the authentication. A verified webhook only makes the job due for a poll now: the poll fetches
 * the full job, events and metrics, so a webhook carries no state of its own and a lost one costs
 * only the polling delay.
 */
@Path("/webhooks/openai")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "provider webhooks")
public class WebhookResource {

    @Inject
    FineTuningProvider provider;

    @Inject
    ApiKeyVault vault;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TrainingConfig config;

    @POST
    @Path("/{accountId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive a signed provider webhook for an account")
    public Response receive(@PathParam("accountId") String accountId, String payload, @Context HttpHeaders headers) {
        String secret = QuarkusTransaction.requiringNew().call(() -> {
            ProviderAccount account = ProviderAccount.findById(accountId);
            return account == null || account.webhookSecretSealed == null ? null
                    : vault.open(account.id + "#webhook", account.webhookSecretSealed);
        });
        if (secret == null) {
            throw ApiProblem.notFound("Webhook endpoint", accountId);
        }
        Optional<String> providerJobId;
        try {
            providerJobId = provider.verifiedWebhookJobId(secret, payload == null ? "" : payload, headers.getRequestHeaders());
        } catch (ProviderException e) {
            throw new ApiProblem(Problem.of(Response.Status.UNAUTHORIZED, "invalid-webhook", "Webhook signature invalid",
                    "The webhook-signature does not match this account's signing secret, or the webhook is too old. "
                            + "If the secret was rotated, PATCH the account's webhook_secret."));
        }
        int woken = providerJobId.map(id -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update fine_tune_job set next_attempt_at = ?1, poll_interval_ms = ?2
                        where account_id = ?3 and provider_job_id = ?4
                          and state in ('VALIDATING_FILES','QUEUED','RUNNING')""")
                .setParameter(1, clock.instant()).setParameter(2, config.monitoring().minPollInterval().toMillis())
                .setParameter(3, accountId).setParameter(4, id).executeUpdate())).orElse(0);
        if (woken == 0 && providerJobId.isPresent() && creationInFlight(accountId)) {
            // A short job can finish on the provider before our creation call has recorded its id: refuse, so the
            // provider delivers the webhook again a little later instead of it being lost until the next poll.
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1").type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "webhook-job-not-recorded-yet", "Job not recorded yet",
                            "A job of this account is being created and its provider id is not stored yet; deliver the webhook again."))
                    .build();
        }
        return Response.ok(Map.of("accepted", true, "jobs_woken", woken)).build();
    }

    private boolean creationInFlight(String accountId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from fine_tune_job
                        where account_id = ?1 and state = 'UPLOADING' and create_attempted and provider_job_id is null""")
                .setParameter(1, accountId).getSingleResult()).longValue() > 0);
    }
}
