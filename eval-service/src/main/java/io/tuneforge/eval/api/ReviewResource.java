package io.tuneforge.eval.api;

import io.tuneforge.eval.review.HumanReviews;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
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

@Path("/api/v1/evals/{id}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reviews")
@SecurityRequirement(name = "apiKey")
public class ReviewResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    HumanReviews reviews;

    @GET
    @Path("/next")
    @Operation(summary = "The next blind A/B pair to review",
            description = "A pair this reviewer has not judged yet, least-reviewed first: the prompt, the reference and two answers "
                    + "labelled A and B in an order drawn at random per pair. Which one is the fine-tuned model is never shown. "
                    + "204 when this reviewer has judged every pair.")
    public Response next(@PathParam("id") String id, @QueryParam("reviewer") String reviewer) {
        return reviews.next(tenant.id(), id, reviewer).map(pair -> Response.ok(pair).build()).orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a review of a pair",
            description = "preference A, B or tie, optional rating 1-5 of the preferred answer, optional reviewer id. A second verdict "
                    + "of the same reviewer on the same pair replaces the first. Re-decides the run's gates at once; a changed "
                    + "decision publishes a fresh eval.completed.")
    public HumanReviews.Submitted submit(@PathParam("id") String id, HumanReviews.Verdict verdict) {
        return reviews.submit(tenant.id(), id, verdict == null ? new HumanReviews.Verdict(null, null, null, null) : verdict);
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Review progress and the human preference rate",
            description = "Pairs reviewed of the total, verdicts, the share preferring the fine-tuned model with its Wilson 95% interval, "
                    + "the human_preference gate and the run's decision now.")
    public HumanReviews.Summary summary(@PathParam("id") String id) {
        return reviews.summary(tenant.id(), id);
    }
}
