package io.tuneforge.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Command(mixinStandardHelpOptions = true, name = "evals", description = "Evaluations in eval-service: base vs fine-tuned on a held-out split, with gates.",
        subcommands = {EvalsCommand.Run.class, EvalsCommand.Show.class, EvalsCommand.ListEvals.class})
public final class EvalsCommand implements Runnable {

    static final String SERVICE = "eval-service";
    private static final Set<String> FINAL_STATES = Set.of("completed", "failed");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Table runs(List<JsonNode> runs) {
        Table table = Table.of("id", "state", "dataset", "version", "examples", "decision", "created").numeric(4);
        for (JsonNode r : runs) {
            table.row(r.path("id").asText(), r.path("state").asText(), r.path("dataset_id").asText(), r.path("version_id").asText(),
                    JobsCommand.text(r, "examples"), JobsCommand.text(r, "decision"), r.path("created_at").asText());
        }
        return table;
    }

    /** Prints the run's Markdown report (or JSON) and maps its decision to the exit code. */
    static int report(ApiCommand command, JsonNode run) {
        String id = run.path("id").asText();
        String state = run.path("state").asText();
        if (command.options.json) {
            command.out().println(run.toPrettyString());
        } else if ("completed".equals(state)) {
            command.out().print(command.client(SERVICE).getText("/api/v1/evals/" + ApiCommand.segment(id) + "/report?format=markdown",
                    "text/markdown"));
        } else {
            command.out().print(runs(List.of(run)).render());
            if (run.hasNonNull("failure")) {
                command.out().println("failure: " + run.path("failure").asText());
            }
        }
        if ("failed".equals(state)) {
            return ExitCodes.API_ERROR;
        }
        return "reject".equals(run.path("decision").asText()) ? ExitCodes.EVAL_REJECTED : ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "run", description = {"Evaluate models on a dataset version's held-out test split.",
            "With --wait, print the report when it completes; exit 7 when the gates reject the candidate."})
    static final class Run extends ApiCommand {

        @Option(names = "--dataset", paramLabel = "ID", required = true) String datasetId;
        @Option(names = "--version", description = "Dataset version number (default: latest).") Integer version;
        @Option(names = "--candidate", paramLabel = "MODEL", description = "The fine-tuned model (ft:...).") String candidate;
        @Option(names = "--baseline", paramLabel = "MODEL", required = true, description = "The base model.") String baseline;
        @Option(names = "--production", paramLabel = "MODEL", description = "The version now in production, for regressions.") String production;
        @Option(names = "--task", defaultValue = "exact", description = "exact, classification, ... (default: ${DEFAULT-VALUE}).") String task;
        @Option(names = "--format", defaultValue = "none", description = "Required answer format: none, json, json_schema, regex.") String format;
        @Option(names = "--account", paramLabel = "ID", description = "Provider account (id or name) the calls go through "
                + "(default: eval-service's configured provider).") String account;
        @Option(names = "--judge-model", paramLabel = "MODEL", description = "Score each answer 1-5 with this judge model.")
        String judgeModel;
        @Option(names = "--rubric", description = "The judge's rubric (default: eval-service's).") String rubric;
        @Option(names = "--pairwise", description = "With --judge-model: also ask which answer is better, both orders.") boolean pairwise;
        @Option(names = "--wait", description = "Wait for the result and print the report.") boolean wait;
        @Option(names = "--timeout", defaultValue = "PT30M") Duration timeout;

        @Override
        public Integer call() {
            List<Map<String, String>> models = new ArrayList<>();
            if (candidate != null) {
                models.add(Map.of("role", "candidate", "model", candidate));
            }
            models.add(Map.of("role", "baseline", "model", baseline));
            if (production != null) {
                models.add(Map.of("role", "production", "model", production));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dataset_id", datasetId);
            if (version != null) {
                body.put("dataset_version", version);
            }
            body.put("models", models);
            body.put("task", Map.of("kind", task, "format", format));
            if (account != null) {
                body.put("provider_account", account);
            }
            if (judgeModel != null) {
                Map<String, Object> judge = new LinkedHashMap<>();
                judge.put("model", judgeModel);
                judge.put("pairwise", pairwise);
                if (rubric != null) {
                    judge.put("rubric", rubric);
                }
                body.put("judge", judge);
            } else if (pairwise || rubric != null) {
                throw new IllegalArgumentException("--pairwise and --rubric need --judge-model");
            }
            var eval = client(SERVICE);
            JsonNode run = eval.postJson("/api/v1/evals", body);
            if (!wait) {
                return print(run, runs(List.of(run)), null);
            }
            String id = run.path("id").asText();
            out().printf("eval %s started; waiting for it to finish%n", id);
            out().flush();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!FINAL_STATES.contains(run.path("state").asText())) {
                if (System.nanoTime() > deadline) {
                    spec.commandLine().getErr().printf("error: eval %s is still %s after %s; see `tuneforge evals show %s`%n", id,
                            run.path("state").asText(), timeout, id);
                    return ExitCodes.TIMED_OUT;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ExitCodes.TIMED_OUT;
                }
                run = eval.get("/api/v1/evals/" + segment(id));
            }
            return report(this, run);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = {"An evaluation: its report (the metric table, gates, failures) when it completed.",
            "Exit 7 when the gates rejected the candidate."})
    static final class Show extends ApiCommand {

        @Parameters(index = "0", paramLabel = "EVAL_ID") String id;

        @Override
        public Integer call() {
            return report(this, client(SERVICE).get("/api/v1/evals/" + segment(id)));
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Evaluation runs, newest first.")
    static final class ListEvals extends ApiCommand {

        @Option(names = "--dataset", paramLabel = "ID") String datasetId;
        @picocli.CommandLine.Mixin
        PageOptions paging;

        @Override
        public Integer call() {
            JsonNode page = client(SERVICE).get("/api/v1/evals" + query("limit", paging.limit, "after", paging.after, "dataset_id", datasetId));
            List<JsonNode> data = new ArrayList<>();
            page.path("data").forEach(data::add);
            int code = print(page, runs(data), "No evaluations yet: `tuneforge evals run --help`");
            morePages(page, "evals list");
            return code;
        }
    }
}
