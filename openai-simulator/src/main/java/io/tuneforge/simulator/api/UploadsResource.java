package io.tuneforge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.simulator.files.Upload;
import io.tuneforge.simulator.files.UploadPart;
import io.tuneforge.simulator.files.UploadSessions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** /v1/uploads: create, add parts, complete into a file, cancel. */
@Path("/v1/uploads")
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {

    private final UploadSessions uploads;
    private final CallerOrganization organization;

    public UploadsResource(UploadSessions uploads, CallerOrganization organization) {
        this.uploads = uploads;
        this.organization = organization;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Upload create(JsonNode body, @Context HttpHeaders headers) {
        JsonNode b = body == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : body;
        RequestArguments.check(b, RequestArguments.CREATE_UPLOAD);
        return uploads.create(b.path("filename").asText(null), b.path("purpose").asText(null),
                b.hasNonNull("bytes") ? b.get("bytes").asLong() : null, b.path("mime_type").asText(null), organization.of(headers));
    }

    @POST
    @Path("/{id}/parts")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public UploadPart part(@PathParam("id") String id, @RestForm("data") FileUpload data, @Context HttpHeaders headers) {
        return uploads.addPart(id, data == null ? null : data.uploadedFile(), organization.of(headers));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Upload complete(@PathParam("id") String id, JsonNode body, @Context HttpHeaders headers) {
        RequestArguments.check(body, RequestArguments.COMPLETE_UPLOAD);
        List<String> parts = new ArrayList<>();
        if (body != null && body.path("part_ids").isArray()) {
            body.get("part_ids").forEach(p -> parts.add(p.asText()));
        }
        return uploads.complete(id, parts, organization.of(headers));
    }

    @POST
    @Path("/{id}/cancel")
    public Upload cancel(@PathParam("id") String id, @Context HttpHeaders headers) {
        return uploads.cancel(id, organization.of(headers));
    }
}
