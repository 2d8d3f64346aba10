package io.tuneforge.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.events.feedback.FeedbackExchange;
import io.tuneforge.gateway.capture.CapturedExchanges;
import io.tuneforge.gateway.domain.Feedback;
import io.tuneforge.gateway.domain.InferenceCall;
import io.tuneforge.gateway.feedback.FeedbackIntake;
import io.tuneforge.gateway.feedback.Rating;
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

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback")
@SecurityRequirement(name = "apiKey")
public class FeedbackResource {

    static final int MAX_TEXT = 32_000;

    @Inject
    CurrentTenant tenant;

    @Inject
    FeedbackIntake intake;

    @Inject
    CapturedExchanges exchanges;

    /** @param rating "up", "down", or 1..5 (number or string) */
    public record FeedbackRequest(String completionId, JsonNode rating, String comment, String correctedOutput) {
    }

    public record FeedbackView(String id, String completionId, String alias, String model, String arm, String rating, double score,
                               boolean negative, String comment, String correctedOutput, String pipelineId, Instant createdAt) {
        static FeedbackView of(Feedback f) {
            return new FeedbackView(f.id, f.completionId, f.alias, f.model, f.arm, f.rating, f.score, f.negative, f.comment,
                    f.correctedOutput, f.pipelineId, f.createdAt);
        }
    }

    /**
     * One feedback with the exchange behind it: what the model was asked and answered and the correction, as
     * feedback.recorded carried it; null when the alias did not capture the call or its retention has passed.
     * (The list leaves exchanges out: up to a page of them would be large.)
     */
    public record FeedbackDetail(String id, String completionId, String alias, String model, String arm, String rating, double score,
                                 boolean negative, String comment, String correctedOutput, String pipelineId, Instant createdAt,
                                 FeedbackExchange exchange) {
        static FeedbackDetail of(Feedback f, FeedbackExchange exchange) {
            return new FeedbackDetail(f.id, f.completionId, f.alias, f.model, f.arm, f.rating, f.score, f.negative, f.comment,
                    f.correctedOutput, f.pipelineId, f.createdAt, exchange);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Rate a completion served by the gateway",
            description = "completion_id (the 'id' of the gateway's answer), rating (up, down or 1-5), optional comment and "
                    + "corrected_output. Publishes feedback.recorded; negative feedback on an alias's stable model may raise quality.degraded. "
                    + "When the alias captured the call (alias 'capture'), the event and the answer carry 'exchange': the messages and "
                    + "tools as sent, the answer served and the corrected output.")
    public Response record(FeedbackRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null || request.completionId() == null || request.completionId().isBlank()) {
            errors.add(new Problem.FieldError("completion_id", "is required: the 'id' of a chat completion the gateway returned"));
        }
        Optional<Rating> rating = request == null || request.rating() == null || !request.rating().isValueNode() ? Optional.empty()
                : Rating.parse(request.rating().asText());
        if (rating.isEmpty()) {
            errors.add(new Problem.FieldError("rating", "must be \"up\", \"down\" or a number of stars from 1 to 5"));
        }
        if (request != null && request.comment() != null && request.comment().length() > MAX_TEXT) {
            errors.add(new Problem.FieldError("comment", "must be at most " + MAX_TEXT + " characters"));
        }
        if (request != null && request.correctedOutput() != null && request.correctedOutput().length() > MAX_TEXT) {
            errors.add(new Problem.FieldError("corrected_output", "must be at most " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The feedback cannot be recorded as given; see errors.", errors);
        }
        InferenceCall call = InferenceCall.byCompletion(tenant.id(), request.completionId()).orElseThrow(() -> ApiProblem.invalid(
                "Unknown completion.", List.of(new Problem.FieldError("completion_id", "no completion '" + request.completionId()
                        + "' was served through the gateway for your tenant; use the 'id' of a /v1/chat/completions answer"))));
        Feedback f = intake.record(tenant.id(), call, rating.get(), request.comment(), request.correctedOutput());
        return Response.created(URI.create("/api/v1/feedback/" + f.id)).entity(detail(f)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The tenant's feedback, newest first (?alias= filters)")
    public Page<FeedbackView> list(@BeanParam @Valid PageRequest page, @QueryParam("alias") String alias) {
        return Page.fromOverfetched(Feedback.page(tenant.id(), alias, page.after, page.limit), page.limit, f -> f.id, FeedbackView::of);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One feedback, with its comment, corrected output and captured exchange",
            description = "'exchange' (messages and tools as sent, the answer served as 'output', 'corrected_output') while the "
                    + "completion's captured exchange is kept; null when its alias did not capture it or its retention has passed.")
    public FeedbackDetail get(@PathParam("id") String id) {
        return detail(Feedback.ofTenant(tenant.id(), id).orElseThrow(() -> ApiProblem.notFound("Feedback", id)));
    }

    private FeedbackDetail detail(Feedback f) {
        return FeedbackDetail.of(f, exchanges.forFeedback(f.tenantId, f.completionId, f.correctedOutput).orElse(null));
    }
}
