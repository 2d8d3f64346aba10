package io.tuneforge.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.jobs.JobWatch;
import io.tuneforge.cli.output.LossChart;
import io.tuneforge.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(mixinStandardHelpOptions = true, name = "jobs", description = "Fine-tuning jobs in training-service: create, list, inspect, watch, cancel.",
        subcommands = {JobsCommand.Create.class, JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Watch.class,
                JobsCommand.Cancel.class, JobsCommand.Pause.class, JobsCommand.Resume.class})
public final class JobsCommand implements Runnable {

    static final String SERVICE = "training-service";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Table jobs(Iterable<JsonNode> data) {
        Table table = Table.of("id", "state", "base model", "method", "dataset version", "model", "trained tokens", "created")
                .numeric(6);
        for (JsonNode j : data) {
            table.row(j.path("id").asText(), j.path("state").asText(), j.path("base_model").asText(), j.path("method").asText(),
                    j.path("dataset_version_id").asText(), text(j, "fine_tuned_model"), text(j, "trained_tokens"),
                    j.path("created_at").asText());
        }
        return table;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** Watches until the job ends; the exit code says how it ended. */
    static int watch(ApiCommand command, String jobId, Duration timeout) {
        JsonNode job = new JobWatch(command.client(SERVICE), command.out(), JobWatch.interactive(), "").follow(jobId, timeout);
        String state = job.path("state").asText();
        if (command.options.json) {
            command.out().println(job.toPrettyString());
        } else if ("succeeded".equals(state)) {
            command.out().printf("fine-tuned model %s (%s trained tokens, %s epochs)%n", job.path("fine_tuned_model").asText(),
                    job.path("trained_tokens").asText("?"), job.path("n_epochs").asText("?"));
        }
        if (!JobWatch.FINAL_STATES.contains(state)) {
            command.spec.commandLine().getErr().printf("error: job %s is still %s after %s; keep watching with "
                    + "`tuneforge jobs watch %s`%n", jobId, state, timeout, jobId);
            return ExitCodes.TIMED_OUT;
        }
        return "succeeded".equals(state) ? ExitCodes.OK : ExitCodes.JOB_NOT_SUCCEEDED;
    }

    @Command(mixinStandardHelpOptions = true, name = "create", description = {"Submit a fine-tuning job for a dataset version.",
            "Hyperparameters take a number or 'auto' (the provider decides). With --watch, follow it to the end (exit 6 if it fails)."})
    static final class Create extends ApiCommand {

        @Option(names = "--dataset", paramLabel = "ID", description = "Dataset id (ds_...); with --version.")
        String datasetId;

        @Option(names = "--version", description = "Dataset version number (default: the dataset's latest version).")
        Integer version;

        @Option(names = "--dataset-version", paramLabel = "ID", description = "Dataset version id (dsv_...), instead of --dataset/--version.")
        String datasetVersionId;

        @Option(names = "--base-model", required = true, description = "Base model, e.g. gpt-4.1-mini-2025-04-14.")
        String baseModel;

        @Option(names = "--method", defaultValue = "supervised", description = "supervised or dpo (default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--account", paramLabel = "ID", required = true, description = "Provider account id or name.")
        String account;

        @Option(names = "--model-name", description = "Registered model the result becomes a version of.")
        String modelName;

        @Option(names = "--epochs", paramLabel = "N|auto") String epochs;
        @Option(names = "--batch-size", paramLabel = "N|auto") String batchSize;
        @Option(names = "--learning-rate-multiplier", paramLabel = "X|auto") String learningRateMultiplier;
        @Option(names = "--beta", paramLabel = "X|auto", description = "DPO only.") String beta;
        @Option(names = "--suffix", description = "Up to 64 characters, part of the fine-tuned model's name.") String suffix;
        @Option(names = "--seed") Long seed;
        @Option(names = "--priority", description = "Higher runs first within your tenant's share.") Integer priority;
        @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Repeatable.") Map<String, String> metadata;

        @Option(names = "--watch", description = "Follow the job until it ends.")
        boolean watch;

        @Option(names = "--timeout", defaultValue = "PT2H", description = "With --watch: how long to wait (ISO-8601, default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() {
            if (datasetVersionId == null && datasetId == null) {
                throw new IllegalArgumentException("name the data: --dataset ds_... [--version N] or --dataset-version dsv_...");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dataset_id", datasetId);
            body.put("version", version);
            body.put("dataset_version_id", datasetVersionId);
            body.put("base_model", baseModel);
            body.put("method", method);
            body.put("account_id", account);
            body.put("model_name", modelName);
            Map<String, Object> hyper = new LinkedHashMap<>();
            hyper.put("n_epochs", number(epochs, "--epochs"));
            hyper.put("batch_size", number(batchSize, "--batch-size"));
            hyper.put("learning_rate_multiplier", number(learningRateMultiplier, "--learning-rate-multiplier"));
            hyper.put("beta", number(beta, "--beta"));
            hyper.values().removeIf(v -> v == null);
            if (!hyper.isEmpty()) {
                body.put("hyperparameters", hyper);
            }
            body.put("suffix", suffix);
            body.put("seed", seed);
            body.put("priority", priority);
            body.put("metadata", metadata);
            body.values().removeIf(v -> v == null);
            JsonNode job = client(SERVICE).postJson("/api/v1/jobs", body);
            if (!watch) {
                return print(job, jobs(java.util.List.of(job)), null);
            }
            out().printf("job %s submitted (%s)%n", job.path("id").asText(), job.path("state").asText());
            return JobsCommand.watch(this, job.path("id").asText(), timeout);
        }

        /** "auto" as is; a number as a number; anything else is a usage error naming the option. */
        private static Object number(String value, String option) {
            if (value == null || value.equalsIgnoreCase("auto")) {
                return value == null ? null : "auto";
            }
            try {
                return value.contains(".") ? (Object) Double.parseDouble(value) : (Object) Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a number or 'auto', not '" + value + "'");
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List jobs, newest first, with filters.")
    static final class ListJobs extends ApiCommand {

        @Option(names = "--state", description = "e.g. running, waiting_for_budget, succeeded, failed.") String state;
        @Option(names = "--dataset", paramLabel = "ID") String datasetId;
        @Option(names = "--model-name") String modelName;
        @Option(names = "--pipeline", paramLabel = "ID") String pipelineId;
        @picocli.CommandLine.Mixin
        PageOptions paging;

        @Override
        public Integer call() {
            JsonNode page = client(SERVICE).get("/api/v1/jobs" + query("limit", paging.limit, "after", paging.after, "state", state,
                    "dataset_id", datasetId, "model_name", modelName, "pipeline_id", pipelineId));
            int code = print(page, jobs(page.path("data")), "No jobs: `tuneforge jobs create --help`");
            morePages(page, "jobs list");
            return code;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "A job: state, model, failure and advice, advisories, and its loss curves.")
    static final class Show extends ApiCommand {

        @Parameters(index = "0", paramLabel = "JOB_ID") String id;

        @Override
        public Integer call() {
            var training = client(SERVICE);
            JsonNode job = training.get("/api/v1/jobs/" + segment(id));
            if (jsonPrinted(job)) {
                return ExitCodes.OK;
            }
            out().print(jobs(java.util.List.of(job)).render());
            JsonNode failure = job.path("failure");
            if (failure.isObject()) {
                out().printf("failure (%s): %s%n  advice: %s%n", failure.path("kind").asText(), failure.path("message").asText(),
                        failure.path("advice").asText());
            }
            for (JsonNode advisory : job.path("advisories")) {
                out().printf("advisory: %s%n", advisory.path("message").asText(advisory.toString()));
            }
            LossChart.render(training.get("/api/v1/jobs/" + segment(id) + "/metrics"), 12).forEach(out()::println);
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "watch", description = {"Follow a job until it ends: states, a progress bar, the loss.",
            "Exit 0 when it succeeded, 6 when it failed or was cancelled, 8 on --timeout."})
    static final class Watch extends ApiCommand {

        @Parameters(index = "0", paramLabel = "JOB_ID") String id;

        @Option(names = "--timeout", defaultValue = "PT2H", description = "How long to wait (ISO-8601, default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() {
            return JobsCommand.watch(this, id, timeout);
        }
    }

    /** cancel, pause and resume: a POST to the job's action and the job as it is afterwards. */
    abstract static class Action extends ApiCommand {

        @Parameters(index = "0", paramLabel = "JOB_ID") String id;

        abstract String action();

        @Override
        public Integer call() {
            JsonNode job = client(SERVICE).postJson("/api/v1/jobs/" + segment(id) + "/" + action(), Map.of());
            if (job.isNull() || job.isMissingNode()) {
                job = client(SERVICE).get("/api/v1/jobs/" + segment(id));
            }
            return print(job, jobs(java.util.List.of(job)), null);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "cancel", description = "Cancel a job (at the provider too, when it runs there).")
    static final class Cancel extends Action {
        @Override
        String action() {
            return "cancel";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "pause", description = "Pause a job: it keeps its place and resumes from its last checkpoint.")
    static final class Pause extends Action {
        @Override
        String action() {
            return "pause";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "resume", description = "Resume a paused job.")
    static final class Resume extends Action {
        @Override
        String action() {
            return "resume";
        }
    }
}
