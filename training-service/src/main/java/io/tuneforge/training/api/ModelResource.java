package io.tuneforge.training.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import io.tuneforge.training.domain.ModelVersion;
import io.tuneforge.training.domain.RegisteredModel;
import io.tuneforge.training.registry.ModelEvaluations;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** The model registry: named models, their versions with lineage, and each version's stage. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "model registry")
@SecurityRequirement(name = "apiKey")
public class ModelResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    ObjectMapper json;

    @Inject
    ModelEvaluations evaluations;

    public record VersionView(String id, int version, String stage, String fineTunedModel, String jobId, String datasetId,
                              String datasetVersionId, String baseModel, String method, JsonNode hyperparameters,
                              Long trainedTokens, Double finalTrainLoss, Double finalValidLoss, Instant createdAt,
                              Double promotedAccuracy, List<ModelEvaluations.EvaluationView> evaluations) {
    }

    public record ModelView(String id, String name, Instant createdAt, List<VersionView> versions) {
    }

    public record StageChange(String stage) {
    }

    @GET
    @Transactional
    public List<ModelView> list() {
        return RegisteredModel.<RegisteredModel>list("tenantId = ?1 order by name", tenant.id()).stream().map(this::view).toList();
    }

    @GET
    @Path("/{name}")
    @Transactional
    public ModelView get(@PathParam("name") String name) {
        return view(model(name));
    }

    @GET
    @Path("/{name}/versions/{version}")
    @Transactional
    public VersionView version(@PathParam("name") String name, @PathParam("version") int version) {
        return view(version(model(name), version));
    }

    @PATCH
    @Path("/{name}/versions/{version}")
    @Transactional
    @Operation(summary = "Move a version to another stage: candidate, staging, production, archived",
            description = "Promoting a version to production archives the version that was in production.")
    public VersionView stage(@PathParam("name") String name, @PathParam("version") int version, StageChange change) {
        if (change == null || !ModelVersion.STAGES.contains(change.stage())) {
            throw ApiProblem.badRequest("Unknown stage", "stage must be one of " + ModelVersion.STAGES);
        }
        RegisteredModel model = model(name);
        ModelVersion v = version(model, version);
        if ("production".equals(change.stage())) {
            ModelVersion.update("stage = 'archived' where modelId = ?1 and stage = 'production' and id <> ?2", model.id, v.id);
            if (!"production".equals(v.stage)) {
                // What a later evaluation of the production model is held to (quality-drop retraining).
                v.promotedAccuracy = evaluations.latestCandidateAccuracy(v.id);
            }
        }
        v.stage = change.stage();
        return view(v);
    }

    private RegisteredModel model(String name) {
        RegisteredModel model = RegisteredModel.find("tenantId = ?1 and (name = ?2 or id = ?2)", tenant.id(), name).firstResult();
        if (model == null) {
            throw ApiProblem.notFound("Model", name);
        }
        return model;
    }

    private static ModelVersion version(RegisteredModel model, int version) {
        ModelVersion v = ModelVersion.find("modelId = ?1 and version = ?2", model.id, version).firstResult();
        if (v == null) {
            throw ApiProblem.notFound("Model version", model.name + " v" + version);
        }
        return v;
    }

    private ModelView view(RegisteredModel m) {
        return new ModelView(m.id, m.name, m.createdAt, ModelVersion.<ModelVersion>list("modelId = ?1 order by version", m.id)
                .stream().map(this::view).toList());
    }

    private VersionView view(ModelVersion v) {
        try {
            return new VersionView(v.id, v.version, v.stage, v.fineTunedModel, v.jobId, v.datasetId, v.datasetVersionId, v.baseModel,
                    v.method, json.readTree(v.hyperparameters), v.trainedTokens, v.finalTrainLoss, v.finalValidLoss, v.createdAt,
                    v.promotedAccuracy, evaluations.of(v.id));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
