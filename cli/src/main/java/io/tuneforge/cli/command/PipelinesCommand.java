package io.tuneforge.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(mixinStandardHelpOptions = true, name = "pipelines", description = "Retraining pipelines in training-service: a recipe and the triggers that run it.",
        subcommands = {PipelinesCommand.Create.class, PipelinesCommand.ListPipelines.class, PipelinesCommand.Show.class,
                PipelinesCommand.RunNow.class})
public final class PipelinesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Table pipelines(Iterable<JsonNode> data) {
        Table table = Table.of("id", "name", "dataset", "base model", "method", "model", "auto train", "schedule", "last run", "last job");
        for (JsonNode p : data) {
            table.row(p.path("id").asText(), p.path("name").asText(), p.path("dataset_id").asText(), p.path("base_model").asText(),
                    p.path("method").asText(), p.path("model_name").asText(), p.path("auto_train").asBoolean(),
                    JobsCommand.text(p, "schedule"), JobsCommand.text(p, "last_run_at"), JobsCommand.text(p, "last_job_id"));
        }
        return table;
    }

    @Command(mixinStandardHelpOptions = true, name = "create", description = {"Create a pipeline: dataset, base model, method, account, registered model name.",
            "--auto-train retrains on every new validated version of the dataset; --schedule on a cron; --evaluate "
                    + "evaluates each new model against its base (and production)."})
    static final class Create extends ApiCommand {

        @Option(names = "--name", required = true) String name;
        @Option(names = "--dataset", paramLabel = "ID", required = true) String datasetId;
        @Option(names = "--base-model", required = true) String baseModel;
        @Option(names = "--method", defaultValue = "supervised") String method;
        @Option(names = "--account", paramLabel = "ID", required = true) String account;
        @Option(names = "--model-name", required = true) String modelName;
        @Option(names = "--auto-train", description = "Train on each new validated dataset version.") boolean autoTrain;
        @Option(names = "--debounce", paramLabel = "DURATION", description = "ISO-8601, e.g. PT10M.") String debounce;
        @Option(names = "--min-interval", paramLabel = "DURATION", description = "ISO-8601, e.g. PT6H.") String minInterval;
        @Option(names = "--schedule", paramLabel = "CRON", description = "5-field cron, e.g. '0 3 * * 1'.") String schedule;
        @Option(names = "--evaluate", description = "Evaluate every model the pipeline trains.") boolean evaluate;
        @Option(names = "--auto-promote", description = "With --evaluate: move a model the gates pass to staging.") boolean autoPromote;
        @Option(names = "--eval-task", description = "With --evaluate: exact, classification or generation (default exact).")
        String evalTask;
        @Option(names = "--eval-format", description = "With --evaluate: the answers' required format: none, json, regex.")
        String evalFormat;
        @Option(names = "--eval-regex", description = "With --eval-format regex: the pattern every answer must match.")
        String evalRegex;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("dataset_id", datasetId);
            body.put("base_model", baseModel);
            body.put("method", method);
            body.put("account_id", account);
            body.put("model_name", modelName);
            body.put("auto_train", autoTrain);
            body.put("debounce", debounce);
            body.put("min_interval", minInterval);
            body.put("schedule", schedule);
            if (evaluate) {
                body.put("evaluate", true);
                body.put("auto_promote", autoPromote);
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("kind", evalTask);
                task.put("format", evalFormat);
                task.put("regex", evalRegex);
                task.values().removeIf(v -> v == null);
                if (!task.isEmpty()) {
                    body.put("evaluation_task", task);
                }
            } else if (evalTask != null || evalFormat != null || evalRegex != null || autoPromote) {
                throw new IllegalArgumentException("--auto-promote and --eval-* need --evaluate");
            }
            body.values().removeIf(v -> v == null);
            JsonNode pipeline = client(JobsCommand.SERVICE).postJson("/api/v1/pipelines", body);
            return print(pipeline, pipelines(List.of(pipeline)), null);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Pipelines with their triggers and last run.")
    static final class ListPipelines extends ApiCommand {

        @picocli.CommandLine.Mixin
        PageOptions paging;

        @Override
        public Integer call() {
            JsonNode page = client(JobsCommand.SERVICE).get("/api/v1/pipelines" + query("limit", paging.limit, "after", paging.after));
            JsonNode data = page.has("data") ? page.path("data") : page;
            int code = print(page, pipelines(data), "No pipelines: `tuneforge pipelines create --help`");
            morePages(page, "pipelines list");
            return code;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "A pipeline and its runs (why each started, which job it created).")
    static final class Show extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ID_OR_NAME") String id;

        @Override
        public Integer call() {
            var training = client(JobsCommand.SERVICE);
            JsonNode pipeline = training.get("/api/v1/pipelines/" + segment(id));
            JsonNode runs = training.get("/api/v1/pipelines/" + segment(id) + "/runs");
            if (options.json) {
                var both = io.tuneforge.cli.api.ServiceClient.JSON.createObjectNode();
                both.set("pipeline", pipeline);
                both.set("runs", runs);
                out().println(both.toPrettyString());
                return ExitCodes.OK;
            }
            out().print(pipelines(List.of(pipeline)).render());
            Table table = Table.of("run", "reason", "dataset version", "job", "created");
            for (JsonNode r : runs.has("data") ? runs.path("data") : runs) {
                table.row(r.path("id").asText(), r.path("reason").asText(), r.path("dataset_version_id").asText(),
                        JobsCommand.text(r, "job_id"), r.path("created_at").asText());
            }
            out().println();
            out().print(table.isEmpty() ? "No runs yet.\n" : table.render());
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "run", description = "Start a run now, on the dataset's latest validated version.")
    static final class RunNow extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ID_OR_NAME") String id;

        @Override
        public Integer call() {
            JsonNode run = client(JobsCommand.SERVICE).postJson("/api/v1/pipelines/" + segment(id) + "/runs", Map.of());
            if (jsonPrinted(run)) {
                return ExitCodes.OK;
            }
            out().printf("run %s started: job %s%n", run.path("id").asText(), run.path("job_id").asText("-"));
            return ExitCodes.OK;
        }
    }
}
