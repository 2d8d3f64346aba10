package io.tuneforge.cost.api;

import io.tuneforge.cost.domain.TrainingEstimate;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/estimates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "estimates")
@SecurityRequirement(name = "apiKey")
public class EstimateResource {

    @Inject
    CurrentTenant tenant;

    public record TrainingEstimateView(String datasetId, int version, long trainExamples, long tokensPerEpoch,
                                       int autoEpochs, long trainedTokens, Instant estimatedAt) {
        static TrainingEstimateView of(TrainingEstimate e) {
            return new TrainingEstimateView(e.datasetId, e.version, e.trainExamples, e.tokensPerEpoch, e.autoEpochs,
                    e.trainedTokens, e.estimatedAt);
        }
    }

    @GET
    @Path("/training")
    @Operation(summary = "Training token estimates",
            description = "Per validated dataset version: tokens per epoch, the epochs 'auto' resolves to, and trained tokens.")
    public List<TrainingEstimateView> training(@QueryParam("dataset_id") String datasetId) {
        return TrainingEstimate.ofTenant(tenant.id(), datasetId).stream().map(TrainingEstimateView::of).toList();
    }
}
