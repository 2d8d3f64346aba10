package io.tuneforge.training.api;

import io.tuneforge.platform.tenancy.CurrentTenant;
import io.tuneforge.training.domain.TrainingData;
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

@Path("/api/v1/training-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "training data")
@SecurityRequirement(name = "apiKey")
public class TrainingDataResource {

    @Inject
    CurrentTenant tenant;

    public record TrainingDataView(String datasetId, int version, String versionId, String name, String method,
                                   long exampleCount, long billableTokens, String trainPath, String validationPath,
                                   Instant recordedAt) {
        static TrainingDataView of(TrainingData d) {
            return new TrainingDataView(d.datasetId, d.version, d.versionId, d.name, d.method, d.exampleCount,
                    d.billableTokens, d.trainPath, d.validationPath, d.recordedAt);
        }
    }

    @GET
    @Operation(summary = "Dataset versions ready for training",
            description = "Every validated dataset version announced on dataset.validated, optionally for one dataset.")
    public List<TrainingDataView> list(@QueryParam("dataset_id") String datasetId) {
        return TrainingData.ofTenant(tenant.id(), datasetId).stream().map(TrainingDataView::of).toList();
    }
}
