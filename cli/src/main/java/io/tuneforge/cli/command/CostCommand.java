package io.tuneforge.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(mixinStandardHelpOptions = true, name = "cost", description = "cost-service: training estimates, model recommendation, spend, budgets.",
        subcommands = {CostCommand.Estimate.class, CostCommand.Recommend.class, CostCommand.Spend.class, CostCommand.Budget.class})
public final class CostCommand implements Runnable {

    static final String SERVICE = "cost-service";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A money amount as the service sent it (exact decimal string); unknown stays "unknown", never 0. */
    static String usd(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "unknown" : value.asText();
    }

    @Command(mixinStandardHelpOptions = true, name = "estimate", description = {"Training cost of a dataset's versions on every candidate model "
            + "(billable tokens x epochs x price), as cost-service estimated it from dataset.validated."})
    static final class Estimate extends ApiCommand {

        @Option(names = "--dataset", paramLabel = "ID", required = true) String datasetId;

        @Override
        public Integer call() {
            JsonNode estimates = client(SERVICE).get("/api/v1/estimates/training" + query("dataset_id", datasetId));
            Table table = Table.of("version", "model", "train examples", "tokens/epoch", "epochs", "trained tokens", "price/1M",
                    "cost usd").numeric(0, 2, 3, 4, 5);
            for (JsonNode e : estimates) {
                for (JsonNode c : e.path("candidates")) {
                    table.row(e.path("version").asInt(), c.path("model").asText(), e.path("train_examples").asLong(),
                            e.path("tokens_per_epoch").asLong(), e.path("auto_epochs").asInt(), e.path("trained_tokens").asLong(),
                            usd(c.path("training_per_million")), usd(c.path("training_cost_usd")));
                }
            }
            return print(estimates, table, "No estimate for " + datasetId + " yet: cost-service estimates each validated version");
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "recommend", description = "Which base model to fine-tune for a use case, and why.")
    static final class Recommend extends ApiCommand {

        @Option(names = "--use-case", required = true,
                description = "complex_reasoning, production, high_volume_simple, vision or budget.") String useCase;
        @Option(names = "--method", description = "supervised or dpo.") String method;
        @Option(names = "--trained-tokens", description = "Expected trained tokens, to price the recommendation.") Long trainedTokens;
        @Option(names = "--max-training-cost", paramLabel = "USD") BigDecimal maxTrainingCost;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("use_case", useCase);
            body.put("method", method);
            body.put("trained_tokens", trainedTokens);
            body.put("max_training_cost_usd", maxTrainingCost);
            body.values().removeIf(v -> v == null);
            JsonNode r = client(SERVICE).postJson("/api/v1/catalog/recommendations", body);
            if (jsonPrinted(r)) {
                return ExitCodes.OK;
            }
            out().printf("recommended: %s (%s)%n  why: %s%n", r.path("model").asText(), r.path("snapshot").asText(),
                    r.path("reason").asText());
            if (r.hasNonNull("training_cost_usd")) {
                out().printf("  training cost: %s USD%n", r.path("training_cost_usd").asText());
            }
            for (JsonNode rejected : r.path("rejected")) {
                out().printf("  not %s: %s%n", rejected.path("model").asText(), rejected.path("reason").asText());
            }
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "spend", description = "Spend by day, model and kind (training, evaluation, inference).")
    static final class Spend extends ApiCommand {

        @Option(names = "--from", paramLabel = "YYYY-MM-DD") String from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD") String to;
        @Option(names = "--group-by", description = "Comma-separated: day, model, kind, pipeline.") String groupBy;

        @Override
        public Integer call() {
            JsonNode report = client(SERVICE).get("/api/v1/spend" + query("from", from, "to", to, "group_by", groupBy));
            Table table = Table.of("day", "model", "kind", "usd", "tokens", "entries", "unpriced").numeric(3, 4, 5, 6);
            for (JsonNode r : report.path("rows")) {
                table.row(JobsCommand.text(r, "day"), JobsCommand.text(r, "model"), JobsCommand.text(r, "kind"),
                        usd(r.path("amount_usd")), r.path("tokens").asLong(), r.path("entries").asLong(), r.path("unpriced_entries").asLong());
            }
            if (jsonPrinted(report)) {
                return ExitCodes.OK;
            }
            out().printf("spend %s .. %s: %s USD%s%n", report.path("from").asText(), report.path("to").asText(),
                    usd(report.path("total_usd")), report.path("unpriced_entries").asLong() > 0
                            ? " (+ " + report.path("unpriced_entries").asLong() + " entries with an unknown price)" : "");
            out().print(table.render());
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "budget", description = {"Show or set the monthly budget (the tenant's, or a pipeline's with --pipeline).",
            "With --set, jobs whose estimate would exceed what is left wait in waiting_for_budget (unless --soft)."})
    static final class Budget extends ApiCommand {

        @Option(names = "--pipeline", paramLabel = "ID", description = "A pipeline's budget instead of the tenant's.") String pipelineId;
        @Option(names = "--set", paramLabel = "USD", description = "New monthly limit.") BigDecimal limit;
        @Option(names = "--warn-percent", description = "Warn at this share of the limit (default 80).") Integer warnPercent;
        @Option(names = "--soft", description = "Only warn; never hold jobs.") boolean soft;

        @Override
        public Integer call() {
            String path = pipelineId == null ? "/api/v1/budgets/monthly" : "/api/v1/budgets/pipelines/" + segment(pipelineId);
            var cost = client(SERVICE);
            JsonNode budget;
            if (limit != null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("monthly_limit_usd", limit);
                if (warnPercent != null) {
                    body.put("warn_percent", warnPercent);
                }
                body.put("hard_stop", !soft);
                budget = cost.putJson(path, body);
            } else {
                try {
                    budget = cost.get(path);
                } catch (io.tuneforge.cli.api.ServiceCallException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    // No budget is a state, not a failure: say how to set one.
                    out().printf("No %s budget is set: `tuneforge cost budget%s --set 500` (USD per month).%n",
                            pipelineId == null ? "monthly" : "pipeline", pipelineId == null ? "" : " --pipeline " + pipelineId);
                    return ExitCodes.OK;
                }
            }
            Table table = Table.of("month", "limit usd", "spent usd", "remaining usd", "spent %", "warn at %", "hard stop", "status")
                    .numeric(1, 2, 3, 4, 5);
            table.row(budget.path("month").asText(), usd(budget.path("monthly_limit_usd")), usd(budget.path("spent_usd")),
                    usd(budget.path("remaining_usd")), budget.path("spent_percent").asText(), budget.path("warn_percent").asInt(),
                    budget.path("hard_stop").asBoolean(), budget.path("status").asText());
            return print(budget, table, null);
        }
    }
}
