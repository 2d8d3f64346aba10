package io.tuneforge.dataset.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.domain.Dataset;
import io.tuneforge.dataset.domain.DatasetVersion;
import io.tuneforge.dataset.domain.Split;
import io.tuneforge.dataset.ingest.DatasetIngestion;
import io.tuneforge.dataset.ingest.Finding;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.paging.Page;
import io.tuneforge.platform.paging.PageRequest;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "datasets")
@SecurityRequirement(name = "apiKey")
public class DatasetResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    DatasetIngestion ingestion;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    public record CreateDatasetRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "supervised|dpo", message = "must be 'supervised' or 'dpo'") String method) {
    }

    public record DatasetView(String id, String name, String method, int latestVersion, Instant createdAt) {
        static DatasetView of(Dataset d) {
            return new DatasetView(d.id, d.name, d.method, d.latestVersion, d.createdAt);
        }
    }

    public record VersionView(String id, String datasetId, int version, String status, long exampleCount,
                              long errorCount, String encoding, long billableTokens, Instant createdAt,
                              List<Finding> findings) {
        static VersionView of(DatasetVersion v, List<Finding> findings) {
            return new VersionView(v.id, v.datasetId, v.version, v.status.name().toLowerCase(), v.exampleCount,
                    v.errorCount, v.encoding, v.billableTokens, v.createdAt, findings);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create a dataset", description = "Creates an empty dataset; upload content as versions.")
    public Response create(@Valid @NotNull CreateDatasetRequest request, UriInfo uri) {
        Dataset dataset = new Dataset();
        dataset.id = EntityIds.next("ds");
        dataset.tenantId = tenant.id();
        dataset.name = request.name();
        dataset.method = request.method();
        dataset.createdAt = clock.instant();
        dataset.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(dataset.id).build()).entity(DatasetView.of(dataset)).build();
    }

    @GET
    @Operation(summary = "List datasets", description = "Oldest first; pass next_after as ?after= for the next page.")
    public Page<DatasetView> list(@Valid @BeanParam PageRequest page) {
        return Page.fromOverfetched(Dataset.pageOf(tenant.id(), page.after, page.limit), page.limit, d -> d.id, DatasetView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a dataset")
    public DatasetView get(@PathParam("id") String id) {
        return DatasetView.of(owned(id));
    }

    @POST
    @Path("/{id}/versions")
    @Consumes({"application/jsonl", "application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a new version",
            description = "Body: JSONL, one example per line, streamed. The version is validated and split; "
                    + "the response carries the verdict and findings with line numbers.")
    public Response upload(@PathParam("id") String id, InputStream body, UriInfo uri) {
        DatasetVersion version = ingestion.ingest(tenant.id(), id, body);
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(version.version)).build())
                .entity(VersionView.of(version, findingsOf(version))).build();
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "List the versions of a dataset")
    public List<VersionView> versions(@PathParam("id") String id) {
        owned(id);
        return DatasetVersion.ofDataset(tenant.id(), id).stream().map(v -> VersionView.of(v, List.of())).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Operation(summary = "Get a version with its validation findings")
    public VersionView version(@PathParam("id") String id, @PathParam("version") int version) {
        DatasetVersion v = DatasetVersion.findOwned(tenant.id(), id, version)
                .orElseThrow(() -> ApiProblem.notFound("Dataset version", id + "/" + version));
        return VersionView.of(v, findingsOf(v));
    }

    @GET
    @Path("/{id}/versions/{version}/report")
    @Operation(summary = "The full validation report of a version",
            description = "Findings per code with example lines and fix hints, token distribution, the data-quality "
                    + "checklist, and the OpenAI cookbook summary of the same file.")
    public Response report(@PathParam("id") String id, @PathParam("version") int version) {
        DatasetVersion v = DatasetVersion.findOwned(tenant.id(), id, version)
                .orElseThrow(() -> ApiProblem.notFound("Dataset version", id + "/" + version));
        if (v.report == null) {
            throw ApiProblem.notFound("Validation report", id + "/" + version);
        }
        return Response.ok(v.report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}/versions/{version}/splits/{split}")
    @Produces("application/jsonl")
    @Operation(summary = "Stream a split as JSONL", description = "split: train, validation or test.")
    public Response split(@PathParam("id") String id, @PathParam("version") int version, @PathParam("split") String split) {
        DatasetVersion v = DatasetVersion.findOwned(tenant.id(), id, version)
                .orElseThrow(() -> ApiProblem.notFound("Dataset version", id + "/" + version));
        Split which;
        try {
            which = Split.fromWireName(split);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("Unknown split", e.getMessage());
        }
        if (v.status != DatasetVersion.Status.VALIDATED) {
            throw ApiProblem.conflict("Version was rejected", "Version " + version + " of " + id
                    + " failed validation and has no splits; fix the findings and upload a new version.");
        }
        return Response.ok(new SplitStream(v.id, which)).type("application/jsonl").build();
    }

    private Dataset owned(String id) {
        return Dataset.findOwned(tenant.id(), id).orElseThrow(() -> ApiProblem.notFound("Dataset", id));
    }

    private List<Finding> findingsOf(DatasetVersion v) {
        try {
            return json.readValue(v.findings, new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored findings of " + v.id + " are unreadable", e);
        }
    }
}
