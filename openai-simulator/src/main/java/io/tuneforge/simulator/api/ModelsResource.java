package io.tuneforge.simulator.api;

import io.tuneforge.simulator.inference.FineTunedModels;
import io.tuneforge.simulator.inference.ModelObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** /v1/models: base and fine-tuned models; only fine-tuned ones can be deleted. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final FineTunedModels models;

    public ModelsResource(FineTunedModels models) {
        this.models = models;
    }

    public record ModelList(String object, List<ModelObject> data) {}

    @GET
    public ModelList list() {
        return new ModelList("list", models.list());
    }

    /** Fine-tuned model ids contain colons, hence the regex that lets the id span the rest of the path. */
    @GET
    @Path("/{id: .+}")
    public ModelObject get(@PathParam("id") String id) {
        return models.get(id);
    }

    @DELETE
    @Path("/{id: .+}")
    public Map<String, Object> delete(@PathParam("id") String id) {
        return models.delete(id);
    }
}
