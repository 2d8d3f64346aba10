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

@Command(mixinStandardHelpOptions = true, name = "aliases", description = {"Model aliases in gateway-service: the names applications call "
        + "as 'model' on the OpenAI-compatible /v1/chat/completions."},
        subcommands = {AliasesCommand.Set.class, AliasesCommand.ListAliases.class, AliasesCommand.Show.class})
public final class AliasesCommand implements Runnable {

    static final String SERVICE = "gateway-service";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Table aliases(Iterable<JsonNode> data) {
        Table table = Table.of("alias", "stable model", "account", "pipeline", "auto rollout", "capture", "live rollout", "updated");
        for (JsonNode a : data) {
            table.row(a.path("name").asText(), a.path("stable_model").asText(), JobsCommand.text(a, "account_id"),
                    JobsCommand.text(a, "pipeline_id"), a.path("auto_rollout").isObject() ? "yes" : "no", capture(a.path("capture")),
                    JobsCommand.text(a, "live_rollout_id"), a.path("updated_at").asText());
        }
        return table;
    }

    /** "on, kept 30 d" or "off" (a gateway without capture shows "-"). */
    static String capture(JsonNode capture) {
        if (!capture.isObject()) {
            return "-";
        }
        return capture.path("enabled").asBoolean() ? "on, kept " + capture.path("retention_days").asInt() + " d" : "off";
    }

    /**
     * The alias's {@code capture} field for {@code --capture [--capture-retention-days N]} / {@code --no-capture}; null when
     * neither is given, so that the gateway keeps the alias's current setting.
     */
    static Map<String, Object> captureBody(Boolean capture, Integer retentionDays) {
        if (retentionDays != null && !Boolean.TRUE.equals(capture)) {
            throw new IllegalArgumentException("--capture-retention-days needs --capture (how long the captured exchanges are kept)");
        }
        if (capture == null) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", capture);
        if (retentionDays != null) {
            body.put("retention_days", retentionDays);
        }
        return body;
    }

    @Command(mixinStandardHelpOptions = true, name = "set", description = {"Create an alias or change it: the model it serves, the provider "
            + "account, the pipeline whose promotions roll out on it.",
            "Changing --model by hand is recorded in the alias's history; it is refused while a rollout is live.",
            "--auto-rollout: a model the pipeline's evaluation promotes is rolled out with these --steps, --min-requests, "
                    + "--min-duration and guards.",
            "--capture: keep the messages and answer of every call through the alias for --capture-retention-days (default 30), "
                    + "so that feedback on a completion carries them in feedback.recorded (training data). Opt-in: prompts may hold "
                    + "personal data. --no-capture stops; without either the alias keeps its setting."})
    static final class Set extends ApiCommand {

        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--model", required = true, description = "The stable model the alias serves.") String model;
        @Option(names = "--account", paramLabel = "ID", description = "training-service provider account (default: the gateway's fallback).")
        String account;
        @Option(names = "--pipeline", paramLabel = "ID", description = "Bind promotions of this pipeline to the alias.") String pipeline;
        @Option(names = "--auto-rollout", description = "Roll out what the pipeline's evaluations promote.") boolean autoRollout;
        @Option(names = "--capture", negatable = true, description = "Capture the exchanges of calls through the alias (--no-capture: stop).")
        Boolean capture;
        @Option(names = "--capture-retention-days", paramLabel = "DAYS", description = "Keep captured exchanges this many days, 1-365 "
                + "(default 30).") Integer captureRetentionDays;
        @picocli.CommandLine.Mixin
        RolloutShape shape;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("stable_model", model);
            body.put("account_id", account);
            body.put("pipeline_id", pipeline);
            if (autoRollout) {
                body.put("auto_rollout", shape.body());
            } else if (!shape.body().isEmpty()) {
                throw new IllegalArgumentException("--steps, --min-requests, --min-duration and the guards need --auto-rollout here");
            }
            body.put("capture", captureBody(capture, captureRetentionDays));
            body.values().removeIf(v -> v == null);
            JsonNode alias = client(SERVICE).putJson("/api/v1/aliases/" + segment(name), body);
            return print(alias, aliases(List.of(alias)), null);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "The tenant's aliases.")
    static final class ListAliases extends ApiCommand {

        @picocli.CommandLine.Mixin
        PageOptions paging;

        @Override
        public Integer call() {
            JsonNode page = client(SERVICE).get("/api/v1/aliases" + query("limit", paging.limit, "after", paging.after));
            int code = print(page, aliases(page.path("data")), "No aliases: `tuneforge aliases set NAME --model MODEL`");
            morePages(page, "aliases list");
            return code;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "An alias (with its capture setting) and the history of its "
            + "stable model.")
    static final class Show extends ApiCommand {

        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            var gateway = client(SERVICE);
            JsonNode alias = gateway.get("/api/v1/aliases/" + segment(name));
            JsonNode history = gateway.get("/api/v1/aliases/" + segment(name) + "/history");
            if (options.json) {
                var both = io.tuneforge.cli.api.ServiceClient.JSON.createObjectNode();
                both.set("alias", alias);
                both.set("history", history);
                out().println(both.toPrettyString());
                return ExitCodes.OK;
            }
            out().print(aliases(List.of(alias)).render());
            Table table = Table.of("changed", "from", "to", "cause", "rollout");
            for (JsonNode c : history.path("data")) {
                table.row(c.path("changed_at").asText(), JobsCommand.text(c, "from_model"), c.path("to_model").asText(),
                        c.path("cause").asText(), JobsCommand.text(c, "rollout_id"));
            }
            out().println();
            out().print(table.render());
            return ExitCodes.OK;
        }
    }
}
