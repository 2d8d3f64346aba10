package io.tuneforge.training.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.training.TrainingConfig;
import io.tuneforge.training.accounts.ApiKeyVault;
import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.domain.ProviderAccount;
import io.tuneforge.training.provider.FineTuningProvider;
import io.tuneforge.training.provider.ProviderException;
import io.tuneforge.training.leases.JobLeases;
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
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provider webhooks (fine_tuning.job.succeeded/failed/cancelled). Outside /api: the provider cannot
 * send a tenant key, so the signature (verified by openai-java with the account's signing secret) is
 * the authentication. A verified webhook only makes the job due for a poll now: the poll fetches
 * the full job, events and metrics, so a webhook carries no state of its own and a lost one costs
 * only the polling delay. Each delivery id is accepted once while its signature could verify: a replay
 * is acknowledged without effect.
 */
@Path("/webhooks/openai")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "provider webhooks")
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    /** The Standard Webhooks headers OpenAI signs with; without them there is nothing to verify. */
    private static final List<String> SIGNATURE_HEADERS = List.of("webhook-id", "webhook-timestamp", "webhook-signature");

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
    @Operation(summary = "Receive a signed provider webhook for an account",
            description = "No bearer key: the Standard Webhooks signature (webhook-id, webhook-timestamp, webhook-signature) is "
                    + "verified with the account's webhook_secret. 401 when unsigned, forged or older than 5 minutes; 400 when "
                    + "signed but not a webhook event; 200 with replayed=true for a webhook-id already accepted.")
    public Response receive(@PathParam("accountId") String accountId, String payload, @Context HttpHeaders headers) {
        String secret = QuarkusTransaction.requiringNew().call(() -> {
            ProviderAccount account = ProviderAccount.findById(accountId);
            return account == null || account.webhookSecretSealed == null ? null
                    : vault.open(account.id + "#webhook", account.webhookSecretSealed);
        });
        if (secret == null) {
            throw ApiProblem.notFound("Webhook endpoint", accountId);
        }
        List<String> missing = SIGNATURE_HEADERS.stream().filter(h -> blank(headers.getHeaderString(h))).toList();
        if (!missing.isEmpty()) {
            LOG.warnf("webhook for account %s refused: unsigned (no %s)", accountId, String.join(", ", missing));
            throw refused(401, "The webhook carries no " + String.join(", ", missing) + ": provider webhooks are signed "
                    + "(Standard Webhooks); send them as the provider does, with the account's signing secret.");
        }
        Optional<String> providerJobId;
        try {
            providerJobId = provider.verifiedWebhookJobId(secret, payload == null ? "" : payload, headers.getRequestHeaders());
        } catch (ProviderException e) {
            // One line, no stack trace: anyone can send these, and a refused one is not our failure.
            LOG.warnf("webhook for account %s refused: %s", accountId, e.getMessage());
            throw e.status() == 400
                    ? refused(400, "The signed body is not a webhook event (" + e.getMessage() + ").")
                    : refused(401, "The webhook-signature does not match this account's signing secret, or the webhook is "
                    + "older than " + FineTuningProvider.WEBHOOK_TOLERANCE.toMinutes() + " minutes. If the secret was rotated, "
                    + "PATCH the account's webhook_secret.");
        }
        String webhookId = headers.getHeaderString("webhook-id");
        // Kept while the signature could verify: the timestamp is accepted up to the tolerance either side of now.
        Instant keepUntil = clock.instant().plus(FineTuningProvider.WEBHOOK_TOLERANCE.multipliedBy(2));
        Integer woken = QuarkusTransaction.requiringNew().call(() -> {
            if (!firstDelivery(accountId, webhookId, keepUntil)) {
                return null;
            }
            int count = providerJobId.map(id -> wake(accountId, id)).orElse(0);
            if (count == 0 && providerJobId.isPresent() && creationInFlight(accountId)) {
                // Not recorded as delivered: the provider delivers it again with the same webhook-id.
                QuarkusTransaction.setRollbackOnly();
                return -1;
            }
            return count;
        });
        if (woken == null) {
            LOG.infof("webhook %s for account %s replayed; acknowledged without effect", webhookId, accountId);
            return Response.ok(Map.of("accepted", true, "replayed", true, "jobs_woken", 0)).build();
        }
        if (woken < 0) {
            // A short job can finish on the provider before our creation call has recorded its id: refuse, so the
            // provider delivers the webhook again a little later instead of it being lost until the next poll.
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1").type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "webhook-job-not-recorded-yet", "Job not recorded yet",
                            "A job of this account is being created and its provider id is not stored yet; deliver the webhook again."))
                    .build();
        }
        return Response.ok(Map.of("accepted", true, "replayed", false, "jobs_woken", woken)).build();
    }

    /** Records the delivery id; false when it was seen already (and has not expired). Expired ids are dropped first. */
    private boolean firstDelivery(String accountId, String webhookId, Instant keepUntil) {
        em.createNativeQuery("delete from webhook_delivery where expires_at < ?1").setParameter(1, clock.instant()).executeUpdate();
        return em.createNativeQuery("""
                        insert into webhook_delivery (account_id, webhook_id, expires_at) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, accountId).setParameter(2, webhookId).setParameter(3, keepUntil).executeUpdate() == 1;
    }

    /** Makes the provider job's tuneforge job due for a poll now (one followed there, or one being reconciled). */
    private int wake(String accountId, String providerJobId) {
        return em.createNativeQuery("""
                        update fine_tune_job set next_attempt_at = ?1, poll_interval_ms = ?2
                        where account_id = ?3 and provider_job_id = ?4 and (state in (?5) or reconcile)""")
                .setParameter(1, clock.instant()).setParameter(2, config.monitoring().minPollInterval().toMillis())
                .setParameter(3, accountId).setParameter(4, providerJobId).setParameter(5, JobLeases.names(JobState.ON_PROVIDER))
                .executeUpdate();
    }

    private boolean creationInFlight(String accountId) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from fine_tune_job
                        where account_id = ?1 and state = ?2 and create_attempted and provider_job_id is null""")
                .setParameter(1, accountId).setParameter(2, JobState.UPLOADING.name()).getSingleResult()).longValue() > 0;
    }

    private static ApiProblem refused(int status, String detail) {
        return status == 400
                ? new ApiProblem(Problem.of(Response.Status.BAD_REQUEST, "invalid-webhook-payload", "Webhook body invalid", detail))
                : new ApiProblem(Problem.of(Response.Status.UNAUTHORIZED, "invalid-webhook", "Webhook signature invalid", detail));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
