package io.tuneforge.simulator.finetuning;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.simulator.learning.ParsedTrainingSet;
import io.tuneforge.simulator.learning.TrainingMethod;
import io.tuneforge.simulator.learning.TrainingPlan;
import io.tuneforge.simulator.learning.TrainingSetParser;
import io.tuneforge.simulator.storage.DataFolder;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a job into its {@link TrainingPlan}. The job keeps its own copy of the training data once it has
 * been validated, so deleting the file later does not take the fine-tuned model with it.
 */
@ApplicationScoped
public class TrainingPlanner {

    private final SimulatorState state;
    private final DataFolder folder;
    private final TrainingSetParser parser;
    private final Map<String, byte[]> jobData = new ConcurrentHashMap<>();

    public TrainingPlanner(SimulatorState state, DataFolder folder, ObjectMapper json) {
        this.state = state;
        this.folder = folder;
        this.parser = new TrainingSetParser(json);
    }

    public static TrainingMethod method(FineTuneJob job) {
        return "dpo".equals(job.method().type()) ? TrainingMethod.DPO : TrainingMethod.SUPERVISED;
    }

    public ParsedTrainingSet parse(byte[] content, TrainingMethod method) {
        return parser.parse(content, method);
    }

    /** Keeps the job's copy of its data, taken when validation passes. */
    public void keep(String jobId, byte[] training, byte[] validation) {
        jobData.put(jobId + "-training", training);
        folder.writeBlob(jobId + "-training", training);
        if (validation != null) {
            jobData.put(jobId + "-validation", validation);
            folder.writeBlob(jobId + "-validation", validation);
        }
    }

    public Optional<byte[]> fileContent(String fileId) {
        return Optional.ofNullable(fileId).map(state.contents::get);
    }

    private Optional<byte[]> data(String jobId, String part, String fileId) {
        byte[] kept = jobData.get(jobId + "-" + part);
        if (kept == null) {
            kept = folder.readBlob(jobId + "-" + part).or(() -> fileContent(fileId)).orElse(null);
            if (kept != null) {
                jobData.put(jobId + "-" + part, kept);
            }
        }
        return Optional.ofNullable(kept);
    }

    public TrainingPlan plan(JobEntry entry) {
        FineTuneJob job = entry.job();
        JobProgress p = entry.progress();
        TrainingMethod method = method(job);
        byte[] training = data(job.id(), "training", job.trainingFile())
                .orElseThrow(() -> new IllegalStateException("training data of " + job.id() + " is gone"));
        List<io.tuneforge.simulator.learning.TrainingExample> validation = job.validationFile() == null ? List.of()
                : data(job.id(), "validation", job.validationFile()).map(v -> parser.parse(v, method).examples()).orElse(List.of());
        return new TrainingPlan(parser.parse(training, method).examples(), validation, method, p.epochs(), p.batchSize(),
                p.learningRateMultiplier(), p.beta(), job.seed());
    }
}
