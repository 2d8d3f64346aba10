package io.tuneforge.simulator.finetuning;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.simulator.learning.ParsedTrainingSet;
import io.tuneforge.simulator.learning.TrainingMethod;
import io.tuneforge.simulator.learning.TrainingPlan;
import io.tuneforge.simulator.learning.TrainingSetParser;
import io.tuneforge.simulator.storage.DataFolder;
import io.tuneforge.simulator.files.FileCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Turns a job into its {@link TrainingPlan}. The job keeps its own copy of the training data once it has
 * been validated, so deleting the file later does not take the fine-tuned model with it.
 */
@ApplicationScoped
public class TrainingPlanner {

    private final FileCatalog files;
    private final DataFolder folder;
    private final TrainingSetParser parser;

    public TrainingPlanner(FileCatalog files, DataFolder folder, ObjectMapper json) {
        this.files = files;
        this.folder = folder;
        this.parser = new TrainingSetParser(json);
    }

    public static TrainingMethod method(SimulatedJob job) {
        return "dpo".equals(job.method().type()) ? TrainingMethod.DPO : TrainingMethod.SUPERVISED;
    }

    public ParsedTrainingSet parse(byte[] content, TrainingMethod method) {
        return parser.parse(content, method);
    }

    /** Keeps the job's copy of its data, taken when validation passes. */
    public void keep(String jobId, byte[] training, byte[] validation) {
        folder.writeBlob(jobId + "-training", training);
        if (validation != null) {
            folder.writeBlob(jobId + "-validation", validation);
        }
    }

    public Optional<byte[]> fileContent(String fileId) {
        return Optional.ofNullable(fileId).flatMap(files::bytes);
    }

    /** The job's kept copy (on disk, read when a plan is built: at a restart or when a model is loaded). */
    private Optional<byte[]> data(String jobId, String part, String fileId) {
        return folder.readBlob(jobId + "-" + part).or(() -> fileContent(fileId));
    }

    public TrainingPlan plan(JobEntry entry) {
        SimulatedJob job = entry.job();
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
