package io.tuneforge.eval.api;

import io.tuneforge.eval.domain.TestSet;
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

@Path("/api/v1/test-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "test sets")
@SecurityRequirement(name = "apiKey")
public class TestSetResource {

    @Inject
    CurrentTenant tenant;

    public record TestSetView(String datasetId, int version, String versionId, String name, String method,
                              long examples, String testPath, Instant recordedAt) {
        static TestSetView of(TestSet t) {
            return new TestSetView(t.datasetId, t.version, t.versionId, t.name, t.method, t.examples, t.testPath, t.recordedAt);
        }
    }

    @GET
    @Operation(summary = "Held-out test sets available for evaluation",
            description = "The test split of every validated dataset version, optionally for one dataset.")
    public List<TestSetView> list(@QueryParam("dataset_id") String datasetId) {
        return TestSet.ofTenant(tenant.id(), datasetId).stream().map(TestSetView::of).toList();
    }
}
