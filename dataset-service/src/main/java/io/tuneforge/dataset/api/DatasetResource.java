package io.tuneforge.dataset.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.domain.Dataset;
import io.tuneforge.dataset.domain.DatasetVersion;
import io.tuneforge.dataset.domain.Deletions;
import io.tuneforge.dataset.domain.Split;
import io.tuneforge.dataset.diff.VersionDiff;
import io.tuneforge.dataset.feedback.FeedbackVersions;
import io.tuneforge.dataset.ingest.DatasetIngestion;
import io.tuneforge.dataset.ingest.UploadFinding;
import io.tuneforge.dataset.split.SplitPlan;
import io.tuneforge.dataset.split.TestSize;
import io.tuneforge.dataset.validation.imports.SourceFormat;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.paging.Page;
import io.tuneforge.platform.paging.PageRequest;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    VersionDiff diff;

    @Inject
    ObjectMapper json;

    @Inject
    VersionViews views;

    @Inject
    Deletions deletions;

    /**
     * @param testSize the held-out test size of the dataset's versions: a fraction of the examples between 0 and 1
     *                 (e.g. 0.15) or a whole number of examples (e.g. 500); absent: the service's default (10 %)
     */
    public record CreateDatasetRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "supervised|dpo", message = "must be 'supervised' or 'dpo'") String method,
            @Schema(description = TEST_SIZE, examples = {"0.15", "500"}) BigDecimal testSize) {
    }

    static final String TEST_SIZE = "The held-out test size: a fraction of the examples between 0 and 1 (e.g. 0.15) or a "
            + "whole number of examples of at least 1 (e.g. 500). Stratified by category like the rest of the split.";

    /** @param testSize the dataset's held-out test size (a fraction or a count); null: the service's default */
    public record DatasetView(String id, String name, String method, int latestVersion, Number testSize, Instant createdAt) {
        static DatasetView of(Dataset d) {
            TestSize size = d.testSize();
            return new DatasetView(d.id, d.name, d.method, d.latestVersion, size == null ? null : size.value(), d.createdAt);
        }
    }

    /**
     * How a version came to be.
     *
     * @param mode              {@code upload} (its own content), {@code append} (the parent's examples, then the upload),
     *                          {@code redacted} (the parent's examples with personal data replaced) or {@code feedback} (the
     *                          latest validated version's examples, then preference pairs made from feedback)
     * @param parentVersion     the version it extends; null for an upload
     * @param uploadedBytes     bytes of the request body as sent (compressed if gzip); null before lineage was kept
     * @param firstUploadedLine first line of the validated file that came from the upload (findings use these lines)
     * @param importedFrom      the format the upload was converted from ({@code ?import=}); report at {@code .../import-report}
     * @param redaction         for mode {@code redacted}: lines changed and replacements per finding code
     * @param feedback          for mode {@code feedback}: the alias, the pairs added (per rule), redaction and trigger
     */
    public record Lineage(String mode, Integer parentVersion, String parentVersionId, Long uploadedBytes, Long firstUploadedLine,
                          String importedFrom, DatasetIngestion.RedactionReport redaction,
                          FeedbackVersions.FeedbackLineage feedback) {
    }

    /**
     * @param testSize   the held-out test size the split used: a fraction or a count (null: stored before it was kept)
     * @param stratified whether each category kept its proportion in every split
     * @param splits     per split: examples, tokens and examples per category (empty without categories)
     */
    public record VersionView(String id, String datasetId, int version, String status, long exampleCount,
                              long errorCount, String encoding, long billableTokens, Instant createdAt,
                              Lineage lineage, Number testSize, boolean stratified, Map<String, SplitPlan.SplitStats> splits,
                              List<UploadFinding> findings) {
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
        dataset.testSize(request.testSize() == null ? null : testSize(request.testSize().toPlainString()));
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
            description = "Body: JSONL (plain or gzip), one example per line, streamed. mode=append makes the version the "
                    + "parent's examples followed by the body's lines; import=<format> converts the body first. The version "
                    + "is validated as a whole and split (stratified by category, duplicate groups kept together); the "
                    + "response carries the verdict, lineage, per-split counts and findings with line numbers.")
    public Response upload(@PathParam("id") String id,
                           @Parameter(description = "upload (default): the body is the whole new version; append: the new "
                                   + "version is the parent's examples followed by the body's lines, validated as a whole")
                           @QueryParam("mode") @DefaultValue("upload") String mode,
                           @Parameter(description = "append only: the version to extend (default: the latest validated one)")
                           @QueryParam("parent") Integer parent,
                           @Parameter(description = "convert the body from another format first: alpaca, sharegpt, "
                                   + "chosen_rejected, prompt_completion, or auto (detect); the mapping report is kept")
                           @QueryParam("import") String importFormat,
                           @Parameter(description = TEST_SIZE + " Default: the dataset's test_size, else 10 %.")
                           @QueryParam("test_size") String testSize,
                           InputStream body, UriInfo uri) {
        return ingest(id, mode, parent, importFormat, testSize, body, uri);
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a new version as a form",
            description = "The same upload as a multipart/form-data request (what browsers and `curl -F file=@train.jsonl` "
                    + "send): the JSONL (plain or gzip) in the form field 'file'; mode, parent and import as query parameters.")
    public Response uploadForm(@PathParam("id") String id,
                               @QueryParam("mode") @DefaultValue("upload") String mode,
                               @QueryParam("parent") Integer parent,
                               @QueryParam("import") String importFormat,
                               @Parameter(description = TEST_SIZE + " Default: the dataset's test_size, else 10 %.")
                               @QueryParam("test_size") String testSize,
                               @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
                               UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiProblem.badRequest("Missing file", "The form has no field named 'file': send the JSONL as "
                    + "-F file=@train.jsonl (multipart/form-data), or send it as the raw request body with Content-Type "
                    + "application/jsonl.");
        }
        // Quarkus has already streamed the part to a temporary file (deleted when the request ends).
        try (InputStream body = Files.newInputStream(file.uploadedFile())) {
            return ingest(id, mode, parent, importFormat, testSize, body, uri);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded form part failed", e);
        }
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a dataset",
            description = "Deletes the dataset with every version, its examples, reports and splits. Version numbers are "
                    + "not reused. Jobs and evaluations that already copied a split keep their copy; ones that fetch it "
                    + "afterwards get 404. 204 when deleted, 404 when there is no such dataset (e.g. already deleted).")
    public Response delete(@PathParam("id") String id) {
        if (!deletions.deleteDataset(tenant.id(), id)) {
            throw ApiProblem.notFound("Dataset", id);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}/versions/{version}")
    @Operation(summary = "Delete one version",
            description = "Deletes the version with its examples, report and splits; other versions are untouched (a version "
                    + "appended to or redacted from it keeps its own content, and its lineage still names the number). "
                    + "Version numbers are not reused. 204 when deleted, 404 when there is no such version.")
    public Response deleteVersion(@PathParam("id") String id, @PathParam("version") int version) {
        if (!deletions.deleteVersion(tenant.id(), id, version)) {
            throw ApiProblem.notFound("Dataset version", id + "/" + version);
        }
        return Response.noContent().build();
    }

    private Response ingest(String id, String mode, Integer parent, String importFormat, String testSize, InputStream body,
                            UriInfo uri) {
        TestSize size = testSize == null ? null : testSize(testSize);
        DatasetVersion.Mode which = switch (mode) {
            case "upload" -> DatasetVersion.Mode.UPLOAD;
            case "append" -> DatasetVersion.Mode.APPEND;
            default -> throw ApiProblem.badRequest("Unknown upload mode", "mode '" + mode
                    + "' is not supported: use mode=upload (a new version from the body) or mode=append (add the body's lines "
                    + "to the latest validated version, or to ?parent=N).");
        };
        if (parent != null && which != DatasetVersion.Mode.APPEND) {
            throw ApiProblem.badRequest("parent needs mode=append", "?parent=" + parent
                    + " names the version to extend; add mode=append, or drop parent to upload a new version.");
        }
        SourceFormat format = null;
        if (importFormat != null) {
            try {
                format = SourceFormat.parse(importFormat);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("Unknown import format", e.getMessage() + ".");
            }
        }
        DatasetVersion version = ingestion.ingest(
                new DatasetIngestion.Request(tenant.id(), id, which, parent, importFormat != null, format, size), body);
        return Response.created(uri.getAbsolutePathBuilder().replaceQuery(null).path(Integer.toString(version.version)).build())
                .entity(view(version, findingsOf(version))).build();
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "List the versions of a dataset")
    public List<VersionView> versions(@PathParam("id") String id) {
        owned(id);
        return DatasetVersion.ofDataset(tenant.id(), id).stream().map(v -> view(v, List.of())).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Operation(summary = "Get a version with its validation findings")
    public VersionView version(@PathParam("id") String id, @PathParam("version") int version) {
        DatasetVersion v = DatasetVersion.findOwned(tenant.id(), id, version)
                .orElseThrow(() -> ApiProblem.notFound("Dataset version", id + "/" + version));
        return view(v, findingsOf(v));
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
    @Path("/{id}/versions/{version}/import-report")
    @Operation(summary = "How an imported version was converted",
            description = "Source format, records read/written/skipped, which source field became which OpenAI field "
                    + "(with counts), and the skipped records with their line and reason.")
    public Response importReport(@PathParam("id") String id, @PathParam("version") int version) {
        DatasetVersion v = DatasetVersion.findOwned(tenant.id(), id, version)
                .orElseThrow(() -> ApiProblem.notFound("Dataset version", id + "/" + version));
        if (v.importReport == null) {
            throw ApiProblem.notFound("Import report", id + "/" + version + " (the version was not uploaded with ?import=)");
        }
        return Response.ok(v.importReport, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{id}/versions/{version}/redacted")
    @Operation(summary = "Create a redacted copy of a version",
            description = "A new version (mode redacted, parent = this version) with every email, phone number, card "
                    + "number, IBAN, national id, IP address and secret in message text replaced by a typed placeholder "
                    + "([EMAIL], [PHONE] ...), validated and split like an upload; its report no longer has those findings.")
    public Response redacted(@PathParam("id") String id, @PathParam("version") int version,
                             @Parameter(description = TEST_SIZE + " Default: the dataset's test_size, else 10 %.")
                             @QueryParam("test_size") String testSize, UriInfo uri) {
        DatasetVersion copy = ingestion.ingest(new DatasetIngestion.Request(tenant.id(), id, DatasetVersion.Mode.REDACTED, version,
                false, null, testSize == null ? null : testSize(testSize)), InputStream.nullInputStream());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/datasets").path(id).path("versions")
                        .path(Integer.toString(copy.version)).build())
                .entity(view(copy, findingsOf(copy))).build();
    }

    @GET
    @Path("/{id}/versions/{version}/diff")
    @Operation(summary = "What changed between two versions",
            description = "Examples added/removed/unchanged (matched by content fingerprint, not line number), example "
                    + "count, token and billable-token deltas, examples per category, finding occurrences per code and "
                    + "examples per split; each as {version, against, delta}.")
    public VersionDiff.Diff diff(@PathParam("id") String id, @PathParam("version") int version,
                                 @Parameter(description = "the version to compare with", required = true)
                                 @QueryParam("against") Integer against) {
        if (against == null) {
            throw ApiProblem.badRequest("Missing 'against'", "Name the version to compare with, e.g. ?against="
                    + Math.max(1, version - 1) + ".");
        }
        DatasetVersion v = DatasetVersion.findOwned(tenant.id(), id, version)
                .orElseThrow(() -> ApiProblem.notFound("Dataset version", id + "/" + version));
        DatasetVersion u = DatasetVersion.findOwned(tenant.id(), id, against)
                .orElseThrow(() -> ApiProblem.notFound("Dataset version", id + "/" + against));
        return diff.between(v, u);
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

    private VersionView view(DatasetVersion v, List<UploadFinding> findings) {
        return views.view(v, findings);
    }

    private static TestSize testSize(String value) {
        try {
            return TestSize.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("test_size " + e.getMessage() + ".", List.of(new Problem.FieldError("test_size", e.getMessage())));
        }
    }

    private Dataset owned(String id) {
        return Dataset.findOwned(tenant.id(), id).orElseThrow(() -> ApiProblem.notFound("Dataset", id));
    }

    private List<UploadFinding> findingsOf(DatasetVersion v) {
        return views.findingsOf(v);
    }
}
