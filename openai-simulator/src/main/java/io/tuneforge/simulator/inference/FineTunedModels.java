package io.tuneforge.simulator.inference;

import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.api.OpenAiErrorException;
import io.tuneforge.simulator.finetuning.Checkpoint;
import io.tuneforge.simulator.finetuning.SimulatedJob;
import io.tuneforge.simulator.finetuning.JobEntry;
import io.tuneforge.simulator.finetuning.TrainingPlanner;
import io.tuneforge.simulator.learning.TrainedModel;
import io.tuneforge.simulator.learning.TrainingRun;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every model a chat request may name: the base models, the fine-tuned models of succeeded jobs and
 * their checkpoints. A fine-tuned model is rebuilt from its job's kept data after a restart.
 */
@ApplicationScoped
public class FineTunedModels {

    private static final String CHECKPOINT = ":ckpt-step-";

    private final SimulatorState state;
    private final ModelCatalog catalog;
    private final TrainingPlanner planner;
    /**
     * Loaded models, least recently used evicted first: a model is rebuilt from its job's kept data when it
     * is asked again, so memory stays bounded however many jobs succeed.
     */
    private final Map<String, TrainedModel> trained;

    public FineTunedModels(SimulatorState state, ModelCatalog catalog, TrainingPlanner planner, SimulatorConfig config) {
        int capacity = config.limits().maxLoadedModels();
        this.trained = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TrainedModel> eldest) {
                return size() > capacity;
            }
        });
        this.state = state;
        this.catalog = catalog;
        this.planner = planner;
    }

    /** ft:{base snapshot}:{organization}:{suffix}:{id}, as OpenAI names fine-tuned models. */
    public String modelName(SimulatedJob job) {
        String suffix = job.userProvidedSuffix() == null ? "" : job.userProvidedSuffix();
        return "ft:" + baseOf(job.model()).snapshot() + ":" + job.organizationId() + ":" + suffix + ":"
                + job.id().substring(job.id().length() - 8);
    }

    public BaseModel baseOf(String model) {
        Optional<BaseModel> base = catalog.find(model);
        if (base.isPresent()) {
            return base.get();
        }
        if (model.startsWith("ft:")) {
            String[] parts = model.split(":");
            if (parts.length > 1) {
                return catalog.find(parts[1]).orElseThrow(() -> notFound(model));
            }
        }
        throw notFound(model);
    }

    public boolean exists(String model, String organization) {
        return job(model, organization).isPresent();
    }

    public void remember(String model, TrainedModel model1) {
        trained.put(model, model1);
    }

    /** A base model, or a fine-tuned model (or checkpoint) of {@code organization}'s; another organization's is 404. */
    public ServedModel resolve(String model, String organization) {
        Optional<BaseModel> base = catalog.find(model);
        if (base.isPresent()) {
            return new ServedModel(model, base.get(), null, null);
        }
        JobEntry entry = job(model, organization).orElseThrow(() -> notFound(model));
        SimulatedJob job = entry.job();
        int steps = entry.progress().totalSteps();
        if (model.contains(CHECKPOINT)) {
            steps = Integer.parseInt(model.substring(model.lastIndexOf(CHECKPOINT) + CHECKPOINT.length()));
        }
        int at = steps;
        TrainedModel learned = trained.get(model);
        if (learned == null) {
            // Built outside the map's lock: a rebuild replays training and may take a while.
            learned = TrainingRun.modelAt(planner.plan(entry), at);
            trained.put(model, learned);
        }
        String parent = job.model().startsWith("ft:") ? job.model() : null;
        return new ServedModel(model, baseOf(model), learned, parent);
    }

    private Optional<JobEntry> job(String model, String organization) {
        if (!model.startsWith("ft:") || state.deletedModels.contains(model)) {
            return Optional.empty();
        }
        boolean checkpoint = model.contains(CHECKPOINT);
        String finalName = checkpoint ? model.substring(0, model.lastIndexOf(CHECKPOINT)) : model;
        if (state.deletedModels.contains(finalName) && !checkpoint) {
            return Optional.empty();
        }
        List<JobEntry> jobs;
        synchronized (state.jobs) {
            jobs = new ArrayList<>(state.jobs.values());
        }
        for (JobEntry e : jobs) {
            if (!e.job().organizationId().equals(organization)) {
                continue;
            }
            if (checkpoint) {
                for (Checkpoint c : state.checkpoints.getOrDefault(e.job().id(), List.of())) {
                    if (c.fineTunedModelCheckpoint().equals(model)) {
                        return Optional.of(e);
                    }
                }
            } else if (model.equals(e.job().fineTunedModel()) && e.job().status().equals("succeeded")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The base models and {@code organization}'s fine-tuned models. */
    public List<ModelObject> list(String organization) {
        List<ModelObject> models = new ArrayList<>();
        for (BaseModel m : catalog.all()) {
            models.add(new ModelObject(m.id(), "model", m.created(), "system"));
            models.add(new ModelObject(m.snapshot(), "model", m.created(), "system"));
        }
        synchronized (state.jobs) {
            for (JobEntry e : state.jobs.values()) {
                SimulatedJob j = e.job();
                if (j.organizationId().equals(organization) && j.status().equals("succeeded") && j.fineTunedModel() != null && !state.deletedModels.contains(j.fineTunedModel())) {
                    models.add(new ModelObject(j.fineTunedModel(), "model", j.finishedAt(), j.organizationId()));
                }
            }
        }
        return models;
    }

    public ModelObject get(String model, String organization) {
        return list(organization).stream().filter(m -> m.id().equals(model)).findFirst().orElseThrow(() -> notFound(model));
    }

    public Map<String, Object> delete(String model, String organization) {
        if (catalog.find(model).isPresent()) {
            throw new OpenAiErrorException(403, "invalid_request_error", "You have insufficient permissions for this operation: base model "
                    + model + " cannot be deleted.", "model", "insufficient_permissions", Map.of());
        }
        if (!exists(model, organization)) {
            throw notFound(model);
        }
        state.deletedModels.add(model);
        trained.remove(model);
        state.changed();
        return Map.of("id", model, "object", "model", "deleted", true);
    }

    public void forget() {
        trained.clear();
    }

    private static OpenAiErrorException notFound(String model) {
        return new OpenAiErrorException(404, "invalid_request_error", "The model `" + model + "` does not exist or you do not have access to it.",
                "model", "model_not_found", Map.of());
    }
}
