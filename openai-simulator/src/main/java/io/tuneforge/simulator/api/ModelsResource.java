package io.tuneforge.simulator.api;

import io.tuneforge.simulator.inference.FineTunedModels;
import io.tuneforge.simulator.inference.ModelObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** /v1/models: base and fine-tuned models; only fine-tuned ones can be deleted. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final FineTunedModels models;
    private final CallerOrganization organization;

    public ModelsResource(FineTunedModels models, CallerOrganization organization) {
        this.models = models;
        this.organization = organization;
    }

    public record ModelList(String object, List<ModelObject> data) {}

    @GET
    public ModelList list(@Context HttpHeaders headers) {
        return new ModelList("list", models.list(organization.of(headers)));
    }

    /** Fine-tuned model ids contain colons, hence the regex that lets the id span the rest of the path. */
    @GET
    @Path("/{id: .+}")
    public ModelObject get(@PathParam("id") String id, @Context HttpHeaders headers) {
        return models.get(id, organization.of(headers));
    }

    @DELETE
    @Path("/{id: .+}")
    public Map<String, Object> delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        return models.delete(id, organization.of(headers));
    }
}
