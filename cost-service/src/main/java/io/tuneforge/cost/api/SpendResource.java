package io.tuneforge.cost.api;

import io.tuneforge.cost.domain.DeploymentType;
import io.tuneforge.cost.domain.JobCost;
import io.tuneforge.cost.domain.SpendKind;
import io.tuneforge.cost.spend.SpendLedger;
import io.tuneforge.cost.spend.SpendReport;
import io.tuneforge.cost.spend.UsageReport;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@Path("/api/v1/spend")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "spend")
@SecurityRequirement(name = "apiKey")
public class SpendResource {

    private static final int MAX_REPORT_DAYS = 366;

    @Inject
    CurrentTenant tenant;

    @Inject
    SpendLedger ledger;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** amount_usd is null when no entry of the row has a known price; unpriced_* say what is missing from it. */
    public record RowView(LocalDate day, String model, String kind, String pipelineId, BigDecimal amountUsd, long tokens,
                          long entries, long unpricedEntries, long unpricedTokens) {
        static RowView of(SpendReport.Row r) {
            return new RowView(r.day(), r.model(), r.kind(), r.pipelineId(), r.amountUsd(), r.tokens(), r.entries(),
                    r.unpricedEntries(), r.unpricedTokens());
        }
    }

    /** unpriced_entries > 0 means some costs are unknown and missing from the totals (never counted as zero). */
    public record ReportView(LocalDate from, LocalDate to, List<String> groupBy, BigDecimal totalUsd, long unpricedEntries,
                             long unpricedTokens, List<RowView> rows) {
    }

    public record JobCostView(String jobId, String datasetVersionId, String baseModel, String model, long trainedTokens,
                              int nEpochs, BigDecimal actualUsd, Long estimatedTrainedTokens, BigDecimal estimatedUsd,
                              BigDecimal errorPercent, Instant finishedAt) {
    }

    /**
     * kind: evaluation or inference (training is booked from job.succeeded). reference: your idempotency key, the
     * same key space as inference.usage's usage_id. input_tokens excludes cached_input_tokens.
     */
    public record UsageRequest(
            @NotBlank String kind,
            @NotBlank @Size(max = 200) String reference,
            @NotBlank @Size(max = 200) String model,
            @NotNull @Min(0) @Max(value = Bounds.USAGE_TOKENS, message = "must be at most {value} tokens per usage record") Long inputTokens,
            @Min(0) @Max(value = Bounds.USAGE_TOKENS, message = "must be at most {value} tokens per usage record") Long cachedInputTokens,
            @NotNull @Min(0) @Max(value = Bounds.USAGE_TOKENS, message = "must be at most {value} tokens per usage record") Long outputTokens,
            Instant occurredAt,
            @Size(min = 1, max = 64) String pipelineId) {
    }

    @GET
    @Operation(summary = "Spend report",
            description = "Spend between from and to (UTC days, inclusive; default: this month so far), grouped by any of "
                    + "day, model, kind, pipeline (group_by=day,model,kind is the default), optionally only one kind "
                    + "(training, evaluation, inference), model or pipeline_id. Unpriced spend is counted in unpriced_entries "
                    + "and unpriced_tokens, never as zero.")
    public ReportView report(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("group_by") String groupBy, @QueryParam("kind") String kind,
                             @QueryParam("model") String model, @QueryParam("pipeline_id") String pipelineId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = from == null ? today.withDayOfMonth(1) : day("from", from);
        LocalDate end = to == null ? today : day("to", to);
        if (end.isBefore(start) || start.plusDays(MAX_REPORT_DAYS).isBefore(end)) {
            throw ApiProblem.badRequest("Invalid date range", "from " + start + " to " + end
                    + " must be in order and span at most " + MAX_REPORT_DAYS + " days.");
        }
        Set<SpendReport.Dimension> dims = EnumSet.noneOf(SpendReport.Dimension.class);
        for (String name : (groupBy == null ? "day,model,kind" : groupBy).split(",")) {
            if (name.isBlank()) {
                continue;
            }
            dims.add(SpendReport.Dimension.of(name.trim()).orElseThrow(() -> ApiProblem.badRequest("Unknown group_by",
                    "group_by '" + name.trim() + "' is not known; use any of day, model, kind, pipeline, comma-separated.")));
        }
        if (kind != null && SpendKind.of(kind).isEmpty()) {
            throw ApiProblem.badRequest("Unknown kind", "kind '" + kind + "' is not known; use training, evaluation or inference.");
        }
        List<SpendReport.Row> rows = SpendReport.of(em, tenant.id(), start, end, dims,
                new SpendReport.Filter(kind, model, pipelineId));
        BigDecimal total = rows.stream().map(SpendReport.Row::amountUsd).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ReportView(start, end, Arrays.stream(SpendReport.Dimension.values()).filter(dims::contains)
                .map(d -> d.name().toLowerCase()).toList(), total,
                rows.stream().mapToLong(SpendReport.Row::unpricedEntries).sum(),
                rows.stream().mapToLong(SpendReport.Row::unpricedTokens).sum(), rows.stream().map(RowView::of).toList());
    }

    @GET
    @Path("/jobs/{job_id}")
    @Operation(summary = "A job's actual training cost against its estimate",
            description = "error_percent = (actual - estimated) / estimated x 100; null when either is unknown.")
    public JobCostView job(@PathParam("job_id") String jobId) {
        JobCost c = JobCost.findOwned(tenant.id(), jobId).orElseThrow(() -> ApiProblem.notFound("Job cost", jobId));
        return new JobCostView(c.jobId, c.datasetVersionId, c.baseModel, c.modelId, c.trainedTokens, c.nEpochs, c.actualUsd,
                c.estimatedTrainedTokens, c.estimatedUsd, c.errorPercent(), c.finishedAt);
    }

    @POST
    @Path("/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Record evaluation or inference usage",
            description = "Priced with the model's inference prices in force at occurred_at (fine-tuned prices for ft: models), "
                    + "the same way as inference.usage (an inference reference is a usage_id). Idempotent by (kind, reference): "
                    + "201 when recorded, 200 when that reference was already recorded.")
    public Response usage(@Valid @NotNull UsageRequest request) {
        SpendKind kind = SpendKind.of(request.kind()).filter(k -> k == SpendKind.EVALUATION || k == SpendKind.INFERENCE)
                .orElseThrow(() -> ApiProblem.badRequest("Invalid kind", "kind '" + request.kind()
                        + "' cannot be reported here; use evaluation or inference (training is booked from job.succeeded, "
                        + "hosting with POST /api/v1/spend/deployments)."));
        boolean recorded = ledger.recordUsage(tenant.id(), new UsageReport(kind, request.reference(), request.model(),
                request.inputTokens(), request.cachedInputTokens() == null ? 0 : request.cachedInputTokens(),
                request.outputTokens(), request.occurredAt(), request.pipelineId()));
        return Response.status(recorded ? Response.Status.CREATED : Response.Status.OK).build();
    }

    /**
     * A period an Azure deployment was up, in the shape of a {@code deployment.*} event: the deployment (its
     * name on the account), the provider account, the model it serves, its sku, and when it started and ended
     * (a removed deployment's whole life, or one billing period of a running one).
     */
    public record DeploymentHoursRequest(
            @NotBlank @Size(max = 128) String deploymentId,
            @NotBlank @Size(max = 64) String accountId,
            @NotBlank @Size(max = 200) String model,
            @NotBlank String sku,
            @NotNull Instant startedAt,
            @NotNull Instant endedAt,
            @Size(min = 1, max = 64) String pipelineId) {
    }

    public record DeploymentHoursView(String deploymentId, String sku, Instant startedAt, Instant endedAt, BigDecimal hours,
                                      BigDecimal amountUsd, int entries, boolean booked) {
    }

    @POST
    @Path("/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Book hours a deployment was up as hosting spend",
            description = "hours x the hourly hosting price of the model's deployment type (sku developertier, standard or "
                    + "globalstandard) in force, one spend entry per UTC day; counted by budgets and reservations like any "
                    + "spend. Idempotent by (deployment_id, started_at): 201 booked, 200 already booked. amount_usd null = "
                    + "hosting price unknown (booked unpriced). The tenant's key, or a service key with X-Tuneforge-Tenant.")
    public Response deploymentHours(@Valid @NotNull DeploymentHoursRequest request) {
        DeploymentType type = DeploymentType.of(request.sku()).orElseThrow(() -> ApiProblem.badRequest("Unknown sku",
                "sku '" + request.sku() + "' is not a deployment type hosting is priced for; use developertier, standard or "
                        + "globalstandard."));
        if (!request.endedAt().isAfter(request.startedAt())) {
            throw ApiProblem.badRequest("Empty period", "ended_at " + request.endedAt() + " must be after started_at "
                    + request.startedAt() + ".");
        }
        if (Duration.between(request.startedAt(), request.endedAt()).toDays() > MAX_REPORT_DAYS) {
            throw ApiProblem.badRequest("Period too long", "a period may span at most " + MAX_REPORT_DAYS
                    + " days; report a long-lived deployment's hours in several periods.");
        }
        SpendLedger.HostingBooking booking = ledger.recordDeploymentHours(tenant.id(), new SpendLedger.DeploymentPeriod(
                request.deploymentId().strip(), request.accountId(), request.model().strip(), type, request.startedAt(),
                request.endedAt(), request.pipelineId()));
        return Response.status(booking.booked() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new DeploymentHoursView(request.deploymentId().strip(), type.wireName(), request.startedAt(),
                        request.endedAt(), booking.hours(), booking.amount(), booking.entries(), booking.booked()))
                .build();
    }

    private static LocalDate day(String param, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("Invalid date", param + "='" + value + "' is not a date; use YYYY-MM-DD (UTC).");
        }
    }
}
