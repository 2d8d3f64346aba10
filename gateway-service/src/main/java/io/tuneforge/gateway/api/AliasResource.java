package io.tuneforge.gateway.api;

import io.tuneforge.gateway.GatewayConfig;
import io.tuneforge.gateway.domain.Alias;
import io.tuneforge.gateway.domain.AliasChange;
import io.tuneforge.gateway.domain.AutoRolloutPolicy;
import io.tuneforge.gateway.domain.CaptureSetting;
import io.tuneforge.gateway.domain.Guards;
import io.tuneforge.gateway.domain.Rollout;
import io.tuneforge.gateway.rollout.RolloutPlan;
import io.tuneforge.gateway.routing.ModelAccess;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.json.JsonColumns;
import io.tuneforge.platform.paging.Page;
import io.tuneforge.platform.paging.PageRequest;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

@Path("/api/v1/aliases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "aliases")
@SecurityRequirement(name = "apiKey")
public class AliasResource {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    @Inject
    CurrentTenant tenant;

    @Inject
    JsonColumns columns;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    @Inject
    ModelAccess access;

    /** An auto_rollout policy as given: the same fields as POST /api/v1/rollouts, without alias and candidate. */
    public record AutoRolloutRequest(List<Integer> steps, Integer minRequests, Double minDurationSeconds, Guards guards) {
    }

    /**
     * Exchange capture as given: {@code enabled} is required, {@code retention_days} defaults to
     * {@value CaptureSetting#DEFAULT_RETENTION_DAYS}.
     */
    public record CaptureRequest(Boolean enabled, Integer retentionDays) {
    }

    /** @param capture null keeps the alias's current setting (off for a new alias) */
    public record AliasRequest(String stableModel, String accountId, String pipelineId, AutoRolloutRequest autoRollout,
                               CaptureRequest capture) {
    }

    public record AliasView(String name, String stableModel, String accountId, String pipelineId, AutoRolloutPolicy autoRollout,
                            CaptureSetting capture, String liveRolloutId, Instant createdAt, Instant updatedAt) {
    }

    public record AliasChangeView(String id, String fromModel, String toModel, String cause, String rolloutId, Instant changedAt) {
        static AliasChangeView of(AliasChange c) {
            return new AliasChangeView(c.id, c.fromModel, c.toModel, c.cause, c.rolloutId, c.changedAt);
        }
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create or replace an alias",
            description = "stable_model (required), account_id (training-service provider account; none = the gateway's fallback "
                    + "connection), pipeline_id (binds promotions of that pipeline), auto_rollout (steps, min_requests, "
                    + "min_duration_seconds, guards: a promote decision for the pipeline starts a rollout with it), capture "
                    + "{enabled (required), retention_days (1-365, default 30)}: keep the messages, tools and answer of every call "
                    + "through the alias (both arms) for retention_days, so feedback on a completion carries them in feedback.recorded. "
                    + "Capture is off unless turned on; a replace without 'capture' keeps the current setting (every other field is "
                    + "replaced as given). Changing stable_model by hand is recorded in the alias's history; it is refused while a "
                    + "rollout of the alias is live.")
    public Response put(@PathParam("name") String name, AliasRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            errors.add(new Problem.FieldError("name", "must be 1-100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
        }
        if (request == null || request.stableModel() == null || request.stableModel().isBlank()) {
            errors.add(new Problem.FieldError("stable_model", "is required: the model id the alias serves, e.g. gpt-4.1-mini or ft:..."));
        } else if (request.stableModel().length() > 300) {
            errors.add(new Problem.FieldError("stable_model", "must be at most 300 characters"));
        }
        if (request != null && request.accountId() != null && (request.accountId().isBlank() || request.accountId().length() > 200)) {
            errors.add(new Problem.FieldError("account_id", "must be a provider account id or name of training-service (1-200 characters), or absent"));
        }
        if (request != null && request.pipelineId() != null && !NAME.matcher(request.pipelineId()).matches()) {
            errors.add(new Problem.FieldError("pipeline_id", "must be a pipeline id of training-service, or absent"));
        }
        AutoRolloutPolicy policy = null;
        if (request != null && request.autoRollout() != null) {
            AutoRolloutRequest a = request.autoRollout();
            RolloutPlan.of(a.steps(), a.minRequests(), a.minDurationSeconds(), a.guards(), config.rollouts(), "auto_rollout.", errors);
            if (request.pipelineId() == null) {
                errors.add(new Problem.FieldError("auto_rollout", "needs pipeline_id: promotions come from that pipeline's evaluations"));
            }
            policy = new AutoRolloutPolicy(a.steps(), a.minRequests(), a.minDurationSeconds(), a.guards());
        }
        CaptureSetting capture = request == null ? null : capture(request.capture(), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The alias cannot be saved as given; see errors.", errors);
        }
        access.requireUsable(tenant.id(), request.stableModel().trim(), request.accountId(), "stable_model");
        Instant now = clock.instant();
        Optional<Alias> existing = Alias.locked(tenant.id(), name);
        Alias alias = existing.orElseGet(Alias::new);
        String previous = existing.map(a -> a.stableModel).orElse(null);
        if (previous != null && !previous.equals(request.stableModel())) {
            Rollout.live(tenant.id(), name).ifPresent(r -> {
                throw ApiProblem.conflict("Rollout in progress", "Alias '" + name + "' is rolling out " + r.candidateModel + " (rollout "
                        + r.id + "); roll it back (POST /api/v1/rollouts/" + r.id + "/rollback) or let it finish before changing stable_model.");
            });
        }
        if (existing.isEmpty()) {
            alias.tenantId = tenant.id();
            alias.name = name;
            alias.createdAt = now;
        }
        alias.stableModel = request.stableModel().trim();
        alias.accountId = request.accountId();
        alias.pipelineId = request.pipelineId();
        alias.autoRollout = policy == null ? null : columns.write(policy);
        if (capture != null) {
            // Exchanges captured before keep the expiry they were given; the new retention applies from now on.
            alias.captureEnabled = capture.enabled();
            alias.captureRetentionDays = capture.retentionDays();
        }
        alias.updatedAt = now;
        if (existing.isEmpty()) {
            alias.persist();
        }
        if (!Objects.equals(previous, alias.stableModel)) {
            AliasChange change = new AliasChange();
            change.id = EntityIds.next("ach");
            change.tenantId = tenant.id();
            change.alias = name;
            change.fromModel = previous;
            change.toModel = alias.stableModel;
            change.cause = previous == null ? "created" : "manual";
            change.changedAt = now;
            change.persist();
        }
        AliasView view = view(alias);
        return existing.isEmpty() ? Response.created(URI.create("/api/v1/aliases/" + name)).entity(view).build() : Response.ok(view).build();
    }

    @GET
    @Operation(summary = "The tenant's aliases, by name")
    @Transactional
    public Page<AliasView> list(@BeanParam @Valid PageRequest page) {
        return Page.fromOverfetched(Alias.page(tenant.id(), page.after, page.limit), page.limit, a -> a.name, this::view);
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One alias")
    @Transactional
    public AliasView get(@PathParam("name") String name) {
        return view(find(name));
    }

    @GET
    @Path("/{name}/history")
    @Operation(summary = "Every change of the alias's stable model, oldest first (created, manual, rollout_completed)")
    @Transactional
    public Page<AliasChangeView> history(@PathParam("name") String name) {
        find(name);
        return new Page<>(AliasChange.history(tenant.id(), name).stream().map(AliasChangeView::of).toList(), false, null);
    }

    @DELETE
    @Path("/{name}")
    @Transactional
    @Operation(summary = "Delete an alias", description = "Refused (409) while a rollout of it is live; 404 when there is none.")
    public Response delete(@PathParam("name") String name) {
        Alias alias = Alias.locked(tenant.id(), name).orElseThrow(() -> ApiProblem.notFound("Alias", name));
        Rollout.live(tenant.id(), name).ifPresent(r -> {
            throw ApiProblem.conflict("Rollout in progress", "Alias '" + name + "' is rolling out " + r.candidateModel
                    + "; roll back rollout " + r.id + " first.");
        });
        alias.delete();
        return Response.noContent().build();
    }

    /** The setting asked for, or null when the request leaves it as it is. */
    private static CaptureSetting capture(CaptureRequest given, List<Problem.FieldError> errors) {
        if (given == null) {
            return null;
        }
        if (given.enabled() == null) {
            errors.add(new Problem.FieldError("capture.enabled", "is required: true to keep the messages and answer of every call through "
                    + "the alias (for feedback-based training data), false to stop capturing"));
        }
        int days = given.retentionDays() == null ? CaptureSetting.DEFAULT_RETENTION_DAYS : given.retentionDays();
        if (days < CaptureSetting.MIN_RETENTION_DAYS || days > CaptureSetting.MAX_RETENTION_DAYS) {
            errors.add(new Problem.FieldError("capture.retention_days", "must be a number of days from " + CaptureSetting.MIN_RETENTION_DAYS
                    + " to " + CaptureSetting.MAX_RETENTION_DAYS + " (how long a captured exchange is kept), or absent for "
                    + CaptureSetting.DEFAULT_RETENTION_DAYS));
        }
        return given.enabled() == null ? null : new CaptureSetting(given.enabled(), days);
    }

    private Alias find(String name) {
        return Alias.of(tenant.id(), name).orElseThrow(() -> ApiProblem.notFound("Alias", name));
    }

    private AliasView view(Alias a) {
        return new AliasView(a.name, a.stableModel, a.accountId, a.pipelineId,
                a.autoRollout == null ? null : columns.read(a.autoRollout, AutoRolloutPolicy.class), a.capture(),
                Rollout.live(a.tenantId, a.name).map(r -> r.id).orElse(null), a.createdAt, a.updatedAt);
    }
}
