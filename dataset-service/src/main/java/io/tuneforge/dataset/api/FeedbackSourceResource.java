package io.tuneforge.dataset.api;

import java.io.IOException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.BeanParam;
import io.tuneforge.platform.paging.PageRequest;
import io.tuneforge.platform.paging.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.dataset.domain.Dataset;
import io.tuneforge.dataset.domain.DatasetVersion;
import io.tuneforge.dataset.domain.FeedbackPair;
import io.tuneforge.dataset.domain.FeedbackSource;
import io.tuneforge.dataset.domain.FeedbackWaiting;
import io.tuneforge.dataset.feedback.FeedbackVersions;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A preference dataset's feedback source: the gateway alias whose rated and corrected answers become DPO pairs, when
 * pending pairs become a version, and what the feedback so far did (pairs, and why the rest made none).
 */
@Path("/api/v1/datasets/{id}/feedback-source")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "datasets")
@SecurityRequirement(name = "apiKey")
public class FeedbackSourceResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    FeedbackVersions versions;

    @Inject
    VersionViews views;

    @Inject
    ObjectMapper json;

    /**
     * @param alias        the gateway alias whose feedback becomes pairs (it must capture exchanges)
     * @param minNewPairs  pending pairs that make a new version automatically (default 50)
     * @param autoVersion  build that version automatically (default true); otherwise only on demand
     * @param redactPii    replace personal data and secrets in the pairs with placeholders (default true)
     */
    public record FeedbackSourceRequest(
            @NotBlank @Size(max = 200) String alias,
            @Min(value = 1, message = "must be at least 1: the number of pending pairs that makes a new version")
            @Max(value = 1_000_000, message = "must be at most 1000000") Integer minNewPairs,
            Boolean autoVersion,
            Boolean redactPii) {
    }

    /**
     * @param feedbackSeen            feedback events on the alias that reached this dataset
     * @param feedbackWithoutExchange of those, events without the exchange: the alias does not capture exchanges, so
     *                                no pair can be made (turn capture on for the alias)
     * @param pendingPairs            pairs waiting for the next version
     * @param pairsUsed               pairs already in a version (never reused)
     * @param waitingForCounterpart   rated answers waiting for an answer with the opposite rating to the same input
     * @param unpaired                feedback that made no pair, per reason
     */
    public record FeedbackCounts(long feedbackSeen, long feedbackWithoutExchange, long pendingPairs, long pairsUsed,
                                 long waitingForCounterpart, Map<String, Long> unpaired) {
    }

    /**
     * @param autoHeldUntil after a rejected feedback version: the pending pairs auto-versioning waits for; null if not held
     * @param building      a version is being built from the pending pairs right now
     */
    public record FeedbackSourceView(String datasetId, String alias, int minNewPairs, boolean autoVersion, boolean redactPii,
                                     Instant createdAt, Instant updatedAt, Integer autoHeldUntil, boolean building,
                                     FeedbackCounts counts) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set the dataset's feedback source",
            description = "Feedback on the alias (feedback.recorded with a captured exchange) becomes preference pairs: a "
                    + "correction is preferred over the served answer; a positively rated answer over a negatively rated "
                    + "one to the same input. When min_new_pairs are pending and auto_version is on, they become a new "
                    + "version (the latest validated version plus the pairs). Only for dpo datasets (422 otherwise). "
                    + "201 when created, 200 when changed; changing the alias drops rated answers still waiting for a "
                    + "counterpart (they answered the other alias).")
    public Response put(@PathParam("id") String id, @Valid @NotNull FeedbackSourceRequest request, UriInfo uri) {
        Dataset dataset = owned(id);
        if (!"dpo".equals(dataset.method)) {
            throw new ApiProblem(new Problem(URI.create("https://tuneforge.io/problems/not-a-preference-dataset"),
                    "Not a preference dataset", 422, "Dataset " + id + " is a " + dataset.method + " dataset; feedback becomes "
                            + "preference (DPO) pairs, which only a dataset created with method 'dpo' can hold. Create a "
                            + "dpo dataset (POST /api/v1/datasets {\"name\": ..., \"method\": \"dpo\"}) and set its feedback source.",
                    null, List.of()));
        }
        Instant now = clock.instant();
        FeedbackSource source = em.find(FeedbackSource.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean created = source == null;
        if (created) {
            source = new FeedbackSource();
            source.datasetId = id;
            source.tenantId = tenant.id();
            source.createdAt = now;
        } else if (!source.alias.equals(request.alias())) {
            FeedbackWaiting.delete("datasetId = ?1", id);
        }
        source.alias = request.alias();
        source.minNewPairs = request.minNewPairs() == null ? 50 : request.minNewPairs();
        source.autoVersion = request.autoVersion() == null || request.autoVersion();
        source.redactPii = request.redactPii() == null || request.redactPii();
        // New settings: a hold from an earlier rejected version no longer applies.
        source.autoHoldUntil = null;
        source.updatedAt = now;
        if (created) {
            source.persist();
        }
        FeedbackSourceView view = view(source);
        return created ? Response.created(uri.getAbsolutePath()).entity(view).build() : Response.ok(view).build();
    }

    @GET
    @Operation(summary = "Get the dataset's feedback source with its counts",
            description = "Settings, and what feedback did so far: events seen, events without an exchange (the alias "
                    + "does not capture them), pending and used pairs, rated answers waiting for a counterpart, and "
                    + "feedback that made no pair, per reason. 404 when the dataset has no feedback source.")
    public FeedbackSourceView get(@PathParam("id") String id) {
        owned(id);
        return view(source(id));
    }

    @DELETE
    @Transactional
    @Operation(summary = "Remove the dataset's feedback source",
            description = "Feedback on the alias stops reaching the dataset. Pending pairs, waiting rated answers and the "
                    + "counts are deleted; pairs already in versions stay recorded with them. 204; 404 when there is none.")
    public Response delete(@PathParam("id") String id) {
        owned(id);
        FeedbackSource source = source(id);
        FeedbackWaiting.delete("datasetId = ?1", id);
        FeedbackPair.delete("datasetId = ?1 and versionId is null", id);
        em.createNativeQuery("delete from feedback_skip where dataset_id = :dataset").setParameter("dataset", id).executeUpdate();
        source.delete();
        return Response.noContent().build();
    }

    @POST
    @Path("/versions")
    @Operation(summary = "Make a version from the pending feedback pairs now",
            description = "The latest validated version's examples followed by every pending pair (or the pairs alone "
                    + "when there is no validated version), validated, split and announced like an upload; lineage mode "
                    + "'feedback' with the pairs per rule. A validated version takes its pairs for good; a rejected one "
                    + "leaves them pending. 201 with the version; 409 when no pair is pending or a build is running; "
                    + "404 when the dataset has no feedback source.")
    public Response build(@PathParam("id") String id, UriInfo uri) {
        owned(id);
        DatasetVersion version = versions.buildNow(tenant.id(), id);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/datasets").path(id).path("versions")
                        .path(Integer.toString(version.version)).build())
                .entity(views.withFindings(version)).build();
    }

    /**
     * @param example the preference line as it goes into a version ({@code input}, {@code preferred_output},
     *                {@code non_preferred_output}), already redacted when the source redacts
     * @param version the version that took it; null while pending
     */
    public record PairView(String id, String rule, String feedbackId, String counterpartFeedbackId, JsonNode example,
                           Integer version, Instant createdAt) {
    }

    @GET
    @Path("/pairs")
    @Transactional
    @Operation(summary = "The pairs made from feedback, for review before they are trained on",
            description = "status=pending (default: not in a version yet) or used (in a version), by id (oldest first), "
                    + "page ?limit=&after=. 404 when the dataset has no feedback source.")
    public Page<PairView> pairs(@PathParam("id") String id, @QueryParam("status") @DefaultValue("pending") String status,
                                @BeanParam @Valid PageRequest page) {
        owned(id);
        source(id);
        if (!status.equals("pending") && !status.equals("used")) {
            throw ApiProblem.invalid("Unknown pair status.", List.of(new Problem.FieldError("status",
                    "must be 'pending' (not in a version yet) or 'used' (in a version), got '" + status + "'")));
        }
        return Page.fromOverfetched(FeedbackPair.pageOf(id, status.equals("pending"), page.after, page.limit), page.limit,
                p -> p.id, this::pairView);
    }

    @DELETE
    @Path("/pairs/{pair_id}")
    @Operation(summary = "Reject a pending pair",
            description = "A reviewer leaves the pair out of the next version (counted as 'rejected_by_reviewer'). 204; 409 "
                    + "when it is already in a version (versions never change) or a version is being built right now; 404 "
                    + "for an unknown pair or dataset.")
    public Response rejectPair(@PathParam("id") String id, @PathParam("pair_id") String pairId) {
        QuarkusTransaction.requiringNew().run(() -> owned(id));
        versions.rejectPending(tenant.id(), id, pairId);
        return Response.noContent().build();
    }

    private PairView pairView(FeedbackPair p) {
        try {
            return new PairView(p.id, p.rule.wireName(), p.feedbackId, p.counterpartFeedbackId, json.readTree(p.content), p.version,
                    p.createdAt);
        } catch (IOException e) {
            throw new IllegalStateException("stored pair " + p.id + " is not JSON", e);
        }
    }

    private FeedbackSourceView view(FeedbackSource s) {
        Map<String, Long> unpaired = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select reason, count from feedback_skip where dataset_id = :dataset order by reason")
                .setParameter("dataset", s.datasetId).getResultList();
        rows.forEach(r -> unpaired.put((String) r[0], ((Number) r[1]).longValue()));
        FeedbackCounts counts = new FeedbackCounts(s.feedbackSeen, s.feedbackWithoutExchange, FeedbackPair.countPending(s.datasetId),
                FeedbackPair.countUsed(s.datasetId), FeedbackWaiting.countOf(s.datasetId), unpaired);
        return new FeedbackSourceView(s.datasetId, s.alias, s.minNewPairs, s.autoVersion, s.redactPii, s.createdAt, s.updatedAt,
                s.autoHoldUntil, s.buildStartedAt != null, counts);
    }

    private FeedbackSource source(String id) {
        return FeedbackSource.findOwned(tenant.id(), id)
                .orElseThrow(() -> ApiProblem.notFound("Feedback source", id + " (the dataset has no feedback source: PUT one)"));
    }

    private Dataset owned(String id) {
        return Dataset.findOwned(tenant.id(), id).orElseThrow(() -> ApiProblem.notFound("Dataset", id));
    }
}
