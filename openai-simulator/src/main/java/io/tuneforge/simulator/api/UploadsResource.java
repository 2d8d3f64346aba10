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

    public UploadsResource(UploadSessions uploads) {
        this.uploads = uploads;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Upload create(JsonNode body) {
        JsonNode b = body == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : body;
        return uploads.create(b.path("filename").asText(null), b.path("purpose").asText(null),
                b.hasNonNull("bytes") ? b.get("bytes").asLong() : null, b.path("mime_type").asText(null));
    }

    @POST
    @Path("/{id}/parts")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public UploadPart part(@PathParam("id") String id, @RestForm("data") FileUpload data) {
        return uploads.addPart(id, data == null ? null : data.uploadedFile());
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Upload complete(@PathParam("id") String id, JsonNode body) {
        List<String> parts = new ArrayList<>();
        if (body != null && body.path("part_ids").isArray()) {
            body.get("part_ids").forEach(p -> parts.add(p.asText()));
        }
        return uploads.complete(id, parts);
    }

    @POST
    @Path("/{id}/cancel")
    public Upload cancel(@PathParam("id") String id) {
        return uploads.cancel(id);
    }
}
