package io.tuneforge.simulator.api;

import io.tuneforge.simulator.files.FileCatalog;
import io.tuneforge.simulator.files.StoredFile;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** /v1/files: upload (multipart), list, retrieve, content, delete. */
@Path("/v1/files")
@Produces(MediaType.APPLICATION_JSON)
public class FilesResource {

    private final FileCatalog files;
    private final CallerOrganization organization;

    public FilesResource(FileCatalog files, CallerOrganization organization) {
        this.files = files;
        this.organization = organization;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public StoredFile upload(@RestForm("file") FileUpload file, @RestForm("purpose") String purpose, @Context HttpHeaders headers) {
        if (file == null) {
            throw OpenAiErrorException.missing("file");
        }
        return files.add(file.fileName(), purpose, file.uploadedFile(), organization.of(headers));
    }

    @GET
    public ListPage<StoredFile> list(@QueryParam("purpose") String purpose, @QueryParam("limit") Integer limit,
                                     @QueryParam("order") String order, @QueryParam("after") String after, @Context HttpHeaders headers) {
        return ListPage.of(files.list(purpose, order, organization.of(headers)), StoredFile::id, after, limit, 10_000);
    }

    @GET
    @Path("/{id}")
    public StoredFile get(@PathParam("id") String id, @Context HttpHeaders headers) {
        return files.get(id, organization.of(headers));
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id, @Context HttpHeaders headers) {
        StoredFile file = files.get(id, organization.of(headers));
        String type = file.filename().endsWith(".csv") ? "text/csv" : "application/octet-stream";
        return Response.ok(files.content(id, organization.of(headers)).toFile(), type).build();
    }

    @DELETE
    @Path("/{id}")
    public Map<String, Object> delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        return files.delete(id, organization.of(headers));
    }
}
