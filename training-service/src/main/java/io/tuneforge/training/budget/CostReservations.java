package io.tuneforge.training.budget;

import io.tuneforge.training.leases.JobLeases;
import io.tuneforge.training.lifecycle.JobLifecycle;
import io.tuneforge.platform.json.JsonColumns;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.platform.tenancy.ServiceCredentials;
import io.tuneforge.training.TrainingConfig;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.Hyperparameters;
import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.domain.TrainingData;
import io.tuneforge.training.domain.TrainingEstimate;
import io.tuneforge.training.monitoring.Advisory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reserves a waiting job's estimated cost at cost-service before it may take a provider slot
 * ({@code POST /api/v1/budgets/reservations}, idempotent by job id). "reserved": the job is admitted
 * as usual; "held": it waits for budget with cost-service's reason until {@code budget.restored} or its
 * re-check. When cost-service cannot be asked (down, 5xx, timeout, refusing us) the job waits too
 * (fail closed) and is retried with backoff, with an advisory saying so.
 */
@ApplicationScoped
public class CostReservations {

    static final String UNAVAILABLE = "budget_check_unavailable";
    private static final Logger LOG = Logger.getLogger(CostReservations.class);

    @Inject
    TrainingConfig config;

    @Inject
    ServiceCredentials credentials;

    @Inject
    JobLeases leases;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    ObjectMapper json;

    @Inject
    JsonColumns columns;

    @Inject
    Clock clock;

    private volatile HttpClient http;

    public boolean enabled() {
        return config.cost().url().filter(u -> !u.isBlank()).isPresent();
    }

    /** Asks cost-service for a job claimed by this replica (see {@link JobLeases#claimUnreserved}). */
    public void reserve(String jobId) {
        try {
            Optional<FineTuneJob> snapshot = leases.snapshot(jobId);
            if (snapshot.isEmpty() || snapshot.get().state != JobState.WAITING_FOR_SLOT || snapshot.get().reservationId != null) {
                return;
            }
            FineTuneJob job = snapshot.get();
            JsonNode answer;
            try {
                answer = call(job);
            } catch (CostServiceUnavailable e) {
                LOG.warnf("job %s: cost-service cannot reserve its cost (%s); it waits and is retried", jobId, e.getMessage());
                leases.commit(jobId, JobState.WAITING_FOR_SLOT, j -> unavailable(j, e.getMessage()));
                return;
            }
            String decision = answer.path("decision").asText("");
            if ("reserved".equals(decision)) {
                leases.commit(jobId, JobState.WAITING_FOR_SLOT, j -> {
                    j.reservationId = answer.path("reservation_id").asText(j.id);
                    j.budgetReason = null;
                    j.budgetAttempts = 0;
                    j.advisories = withoutUnavailable(j.advisories);
                    j.updatedAt = clock.instant();
                });
            } else if ("held".equals(decision)) {
                String reason = answer.path("reason").asText("the budget cannot cover the job's estimated cost");
                leases.commit(jobId, JobState.WAITING_FOR_SLOT, j -> {
                    Instant now = clock.instant();
                    lifecycle.heldForBudget(j);
                    j.budgetReason = truncate("cost-service held the job: " + reason
                            + (answer.hasNonNull("estimated_cost_usd") ? " (estimated " + answer.get("estimated_cost_usd").asText()
                            + " USD, " + answer.path("remaining_usd").asText("?") + " USD left)" : ""));
                    j.budgetRecheckAt = now.plus(config.cost().recheckInterval());
                    j.budgetAttempts = 0;
                    j.advisories = withoutUnavailable(j.advisories);
                    j.updatedAt = now;
                });
            } else {
                leases.commit(jobId, JobState.WAITING_FOR_SLOT, j -> unavailable(j, "cost-service answered decision '" + decision + "'"));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s: budget check failed, will retry: %s", jobId, e.getMessage());
        } finally {
            leases.release(jobId);
        }
    }

    private JsonNode call(FineTuneJob job) {
        Long tokens = QuarkusTransaction.requiringNew().call(() -> {
            TrainingData data = TrainingData.findById(job.datasetVersionId);
            return data == null ? null : TrainingEstimate.trainedTokens(data, readHyperparameters(job));
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", job.id);
        body.put("pipeline_id", job.pipelineId);
        body.put("base_model", job.baseModel);
        body.put("estimated_trained_tokens", tokens);
        URI uri = URI.create(config.cost().url().orElseThrow().replaceAll("/+$", "") + "/api/v1/budgets/reservations");
        try {
            HttpRequest request = credentials.authorize(HttpRequest.newBuilder(uri).timeout(config.cost().timeout()), job.tenantId)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CostServiceUnavailable("cost-service answered " + response.statusCode() + " for " + uri + ": "
                        + truncate(response.body(), 300));
            }
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new CostServiceUnavailable("cost-service's answer is not the reservation JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CostServiceUnavailable("cannot reach cost-service at " + uri + " (tuneforge.training.cost.url): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CostServiceUnavailable("interrupted while asking cost-service");
        }
    }

    private void unavailable(FineTuneJob j, String why) {
        Instant now = clock.instant();
        Duration wait = config.cost().backoff().multipliedBy(1L << Math.min(j.budgetAttempts, 16));
        if (wait.compareTo(config.cost().recheckInterval()) > 0) {
            wait = config.cost().recheckInterval();
        }
        j.budgetAttempts++;
        lifecycle.heldForBudget(j);
        j.budgetRecheckAt = now.plus(wait);
        j.budgetReason = truncate("cost-service could not be asked to reserve the job's cost (" + why + "); retrying");
        j.advisories = withUnavailable(j.advisories, why);
        j.updatedAt = now;
    }

    private String withUnavailable(String advisories, String why) {
        List<Advisory> list = new ArrayList<>(read(advisories));
        list.removeIf(a -> UNAVAILABLE.equals(a.code()));
        list.add(new Advisory(UNAVAILABLE, truncate("The budget check at cost-service failed: " + why),
                "The job waits (it is not started without a budget check) and is retried automatically; check that cost-service "
                        + "is up and that tuneforge.training.cost.url and the service key are right.", null));
        return columns.write(list);
    }

    private String withoutUnavailable(String advisories) {
        List<Advisory> list = new ArrayList<>(read(advisories));
        return list.removeIf(a -> UNAVAILABLE.equals(a.code())) ? columns.write(list) : advisories;
    }

    private List<Advisory> read(String advisories) {
        try {
            return json.readValue(advisories, new TypeReference<List<Advisory>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }


    private Hyperparameters readHyperparameters(FineTuneJob job) {
        try {
            return json.readValue(job.hyperparameters, Hyperparameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id + " has unreadable hyperparameters", e);
        }
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.cost().connectTimeout()).build();
        }
        return http;
    }

    private static String truncate(String s) {
        return truncate(s, 1000);
    }

    private static String truncate(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    private static final class CostServiceUnavailable extends RuntimeException {
        CostServiceUnavailable(String message) {
            super(message);
        }
    }
}
