package io.tuneforge.simulator.finetuning;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.faults.FaultPlan;
import io.tuneforge.simulator.files.FileCatalog;
import io.tuneforge.simulator.files.StoredFile;
import io.tuneforge.simulator.inference.BaseModel;
import io.tuneforge.simulator.inference.FineTunedModels;
import io.tuneforge.simulator.inference.UsageTokens;
import io.tuneforge.simulator.learning.ChatMessage;
import io.tuneforge.simulator.learning.ParsedTrainingSet;
import io.tuneforge.simulator.learning.StepMetrics;
import io.tuneforge.simulator.learning.TrainingExample;
import io.tuneforge.simulator.learning.TrainingMethod;
import io.tuneforge.simulator.learning.TrainingPlan;
import io.tuneforge.simulator.learning.TrainingRun;
import io.tuneforge.simulator.runtime.SimulatorLoops;
import io.tuneforge.simulator.storage.Identifiers;
import io.tuneforge.simulator.storage.SimulatorState;
import io.tuneforge.simulator.webhooks.WebhookDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * Moves jobs through validating_files, queued, running and a final state on the job clock, training one
 * batch per step. A job interrupted by a restart is replayed from its plan up to the step it had reached
 * (the run is deterministic), then continues.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    /** Work done per job per tick, so a zero time scale cannot starve the API of the board lock. */
    private static final int MAX_STEPS_PER_TICK = 200;
    /** OpenAI keeps checkpoints for the last epochs only. */
    private static final int CHECKPOINT_EPOCHS = 3;

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final JobBoard board;
    private final JobClock clock;
    private final TrainingPlanner planner;
    private final FileCatalog files;
    private final FineTunedModels models;
    private final UsageTokens tokens;
    private final FaultPlan faults;
    private final WebhookDispatcher webhooks;
    private final SimulatorLoops loops;
    private final Map<String, TrainingRun> runs = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    public JobRunner(SimulatorState state, SimulatorConfig config, JobBoard board, JobClock clock, TrainingPlanner planner,
                     FileCatalog files, FineTunedModels models, UsageTokens tokens, FaultPlan faults, WebhookDispatcher webhooks, SimulatorLoops loops) {
        this.state = state;
        this.config = config;
        this.board = board;
        this.clock = clock;
        this.planner = planner;
        this.files = files;
        this.models = models;
        this.tokens = tokens;
        this.faults = faults;
        this.webhooks = webhooks;
        this.loops = loops;
    }

    void start(@Observes StartupEvent start) {
        executor = SimulatorLoops.executor("job-runner");
        loops.every(executor, "job-runner", config.time().tick(), config.loopStaleAfter(), this::tick);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Drops in-memory runs, e.g. after an admin reset. */
    public void forgetRuns() {
        runs.clear();
    }

    /** One pass over every job; an Error here ends the process (see {@link SimulatorLoops}), an exception fails only its job. */
    void tick() {
        List<String> ids;
        synchronized (state.jobs) {
            ids = new ArrayList<>(state.jobs.keySet());
        }
        for (String id : ids) {
            try {
                synchronized (board) {
                    advance(id);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "job %s could not advance", id);
                synchronized (board) {
                    JobEntry entry = state.jobs.get(id);
                    if (entry != null && entry.job().active()) {
                        fail(entry, new JobError("internal_error", "The job failed due to an internal error.", null));
                    }
                }
            }
        }
    }

    private void advance(String id) {
        JobEntry entry = state.jobs.get(id);
        if (entry == null || !entry.job().active()) {
            runs.remove(id);
            return;
        }
        long now = System.currentTimeMillis();
        if (entry.job().status().equals("paused") || now < entry.progress().dueAt()) {
            return;
        }
        switch (entry.job().status()) {
            case "validating_files" -> validate(entry);
            case "queued" -> begin(entry);
            case "running" -> train(entry, now);
            default -> { }
        }
    }

    private void validate(JobEntry entry) {
        SimulatedJob job = entry.job();
        TrainingMethod method = TrainingPlanner.method(job);
        byte[] training = planner.fileContent(job.trainingFile()).orElse(null);
        if (training == null) {
            fail(entry, new JobError("invalid_training_file", "The job failed due to an invalid training file: file "
                    + job.trainingFile() + " was deleted before it could be validated.", "training_file"));
            return;
        }
        ParsedTrainingSet parsed = planner.parse(training, method);
        List<String> problems = new ArrayList<>(parsed.problems());
        BaseModel base = models.baseOf(job.model());
        for (TrainingExample e : parsed.examples()) {
            int count = exampleTokens(e);
            if (count > base.trainingExampleTokens() && problems.size() < 20) {
                problems.add("line " + e.line() + ": example has " + count + " tokens, more than the " + base.trainingExampleTokens()
                        + " allowed for " + base.id());
            }
        }
        if (!problems.isEmpty()) {
            fail(entry, new JobError("invalid_training_file", "The job failed due to an invalid training file. "
                    + String.join("; ", problems), "training_file"));
            return;
        }
        int minimum = config.limits().minTrainingExamples();
        if (parsed.examples().size() < minimum) {
            fail(entry, new JobError("invalid_training_file", "The job failed due to an invalid training file. Training file has "
                    + parsed.examples().size() + " example(s), but must have at least " + minimum + " examples.", "training_file"));
            return;
        }
        byte[] validation = null;
        if (job.validationFile() != null) {
            validation = planner.fileContent(job.validationFile()).orElse(null);
            ParsedTrainingSet v = validation == null ? null : planner.parse(validation, method);
            if (v == null || !v.usable() || v.examples().isEmpty()) {
                fail(entry, new JobError("invalid_validation_file", "The job failed due to an invalid validation file. "
                        + (v == null ? "The file was deleted." : v.examples().isEmpty() && v.usable() ? "It has no examples."
                        : String.join("; ", v.problems())), "validation_file"));
                return;
            }
        }
        HyperparameterRules.Resolved r = HyperparameterRules.resolve(job.hyperparameters(), parsed.examples().size(), method);
        int stepsPerEpoch = (parsed.examples().size() + r.batchSize() - 1) / r.batchSize();
        int total = stepsPerEpoch * r.epochs();
        int failAt = faults.jobFails(job.seed()) ? Math.max(1, total / 2) : -1;
        planner.keep(job.id(), training, validation);
        JobHyperparameters resolved = new JobHyperparameters(r.batchSize(), r.learningRateMultiplier(), r.epochs(),
                method == TrainingMethod.DPO ? r.beta() : null);
        JobProgress progress = entry.progress().planned(total, r.epochs(), r.batchSize(), r.learningRateMultiplier(), r.beta(), failAt,
                clock.after(config.time().queued()));
        state.jobs.put(job.id(), new JobEntry(job.withHyperparameters(resolved).withStatus("queued"), progress));
        board.event(job.id(), "info", "Files validated, moving job to queued state", null, "message");
        state.changed();
    }

    private void begin(JobEntry entry) {
        JobProgress progress = entry.progress().due(clock.after(config.time().step()));
        SimulatedJob job = entry.job().withStatus("running").withEstimatedFinish(clock.estimatedFinish(progress.totalSteps()));
        state.jobs.put(job.id(), new JobEntry(job, progress));
        board.event(job.id(), "info", "Fine-tuning job started", null, "message");
        state.changed();
    }

    private void train(JobEntry entry, long now) {
        SimulatedJob job = entry.job();
        TrainingRun run = runs.computeIfAbsent(job.id(), id -> replay(entry));
        long stepMillis = clock.scaled(config.time().step());
        long due = stepMillis == 0 ? Long.MAX_VALUE : 1 + (now - entry.progress().dueAt()) / stepMillis;
        int budget = (int) Math.min(MAX_STEPS_PER_TICK, due);
        JobProgress progress = entry.progress();
        for (int i = 0; i < budget && !run.finished(); i++) {
            if (progress.failAtStep() > 0 && run.stepsDone() + 1 >= progress.failAtStep()) {
                fail(new JobEntry(job, progress), new JobError("internal_error",
                        "The job failed due to an internal error at step " + (run.stepsDone() + 1) + ".", null));
                return;
            }
            StepMetrics m = run.step();
            record(job, m, progress.totalSteps());
            progress = progress.stepped(run.stepsDone(), progress.dueAt() + Math.max(1, stepMillis));
        }
        if (stepMillis == 0) {
            progress = progress.due(now);
        }
        if (run.finished()) {
            succeed(new JobEntry(job, progress), run);
            return;
        }
        state.jobs.put(job.id(), new JobEntry(job.withEstimatedFinish(clock.estimatedFinish(progress.totalSteps() - progress.stepsDone())),
                progress));
        state.changed();
    }

    /** Rebuilds an interrupted run by replaying its recorded steps; the losses come out the same. */
    private TrainingRun replay(JobEntry entry) {
        TrainingRun run = new TrainingRun(planner.plan(entry), tokens.tokenizer());
        for (int i = 0; i < entry.progress().stepsDone(); i++) {
            run.step();
        }
        return run;
    }

    private void record(SimulatedJob job, StepMetrics m, int totalSteps) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", m.step());
        data.put("train_loss", round(m.trainLoss()));
        data.put("train_mean_token_accuracy", round(m.trainAccuracy()));
        data.put("total_steps", totalSteps);
        StringBuilder message = new StringBuilder("Step " + m.step() + "/" + totalSteps + ": training loss=" + format(m.trainLoss()));
        if (m.validLoss() != null) {
            data.put("valid_loss", round(m.validLoss()));
            data.put("valid_mean_token_accuracy", round(m.validAccuracy()));
            message.append(", validation loss=").append(format(m.validLoss()));
        }
        if (m.fullValidLoss() != null) {
            data.put("full_valid_loss", round(m.fullValidLoss()));
            data.put("full_valid_mean_token_accuracy", round(m.fullValidAccuracy()));
            message.append(", full validation loss=").append(format(m.fullValidLoss()));
        }
        board.event(job.id(), "info", message.toString(), data, "metrics");
        int epochs = job.hyperparameters().nEpochs() instanceof Number n ? n.intValue() : 1;
        if (m.epochEnd() && m.epoch() > epochs - CHECKPOINT_EPOCHS) {
            Checkpoint checkpoint = new Checkpoint("fine_tuning.job.checkpoint", Identifiers.next("ftckpt_"), Instant.now().getEpochSecond(),
                    models.modelName(job) + ":ckpt-step-" + m.step(), job.id(),
                    new Checkpoint.Metrics(m.step(), round(m.trainLoss()), round(m.trainAccuracy()), roundOrNull(m.validLoss()),
                            roundOrNull(m.validAccuracy()), roundOrNull(m.fullValidLoss()), roundOrNull(m.fullValidAccuracy())),
                    m.step());
            state.checkpoints.computeIfAbsent(job.id(), k -> Collections.synchronizedList(new ArrayList<>())).add(checkpoint);
            board.event(job.id(), "info", "Checkpoint created at step " + m.step(), null, "message");
        }
    }

    private void succeed(JobEntry entry, TrainingRun run) {
        SimulatedJob job = entry.job();
        String model = models.modelName(job);
        StoredFile results = files.store("step_metrics.csv", "fine-tune-results", metricsCsv(job.id()).getBytes(StandardCharsets.UTF_8),
                job.organizationId());
        long trained = 0;
        for (TrainingExample e : run.plan().training()) {
            trained += exampleTokens(e);
        }
        trained *= run.plan().epochs();
        models.remember(model, run.model());
        SimulatedJob done = job.finished("succeeded", Instant.now().getEpochSecond(), null, model, List.of(results.id()), trained);
        state.jobs.put(job.id(), new JobEntry(done, entry.progress()));
        runs.remove(job.id());
        board.event(job.id(), "info", "New fine-tuned model created: " + model, null, "message");
        board.event(job.id(), "info", "The job has successfully completed", null, "message");
        state.changed();
        webhooks.publish("fine_tuning.job.succeeded", job.id());
    }

    private void fail(JobEntry entry, JobError error) {
        SimulatedJob failed = entry.job().finished("failed", Instant.now().getEpochSecond(), error, null, List.of(), null);
        state.jobs.put(failed.id(), new JobEntry(failed, entry.progress()));
        runs.remove(failed.id());
        board.event(failed.id(), "error", error.message(), null, "message");
        state.changed();
        webhooks.publish("fine_tuning.job.failed", failed.id());
    }

    private int exampleTokens(TrainingExample e) {
        List<ChatMessage> conversation = new ArrayList<>(e.prompt());
        conversation.add(new ChatMessage("assistant", e.target().content(), e.target().toolCalls()));
        return tokens.countConversation(conversation);
    }

    /** The result file OpenAI attaches to a job: one row per step. */
    private String metricsCsv(String jobId) {
        StringBuilder csv = new StringBuilder("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n");
        List<JobEvent> events = state.events.getOrDefault(jobId, List.of());
        synchronized (events) {
            for (JobEvent e : events) {
                if (!"metrics".equals(e.type())) {
                    continue;
                }
                Map<String, Object> d = e.data();
                csv.append(d.get("step")).append(',').append(d.get("train_loss")).append(',').append(d.get("train_mean_token_accuracy"))
                        .append(',').append(d.getOrDefault("valid_loss", "")).append(',')
                        .append(d.getOrDefault("valid_mean_token_accuracy", "")).append('\n');
            }
        }
        return csv.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }

    private static Double roundOrNull(Double v) {
        return v == null ? null : round(v);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
