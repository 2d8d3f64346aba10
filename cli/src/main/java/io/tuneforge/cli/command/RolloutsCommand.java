package io.tuneforge.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.output.RolloutTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(mixinStandardHelpOptions = true, name = "rollouts", description = {"Gradual rollouts of a model on an alias (gateway-service): "
        + "10 -> 50 -> 100 % of calls, guarded by error rate and latency, rolled back automatically on a breach."},
        subcommands = {RolloutsCommand.Start.class, RolloutsCommand.ListRollouts.class, RolloutsCommand.Show.class,
                RolloutsCommand.Advance.class, RolloutsCommand.Pause.class, RolloutsCommand.Resume.class, RolloutsCommand.Rollback.class})
public final class RolloutsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void describe(PrintWriter out, JsonNode r) {
        out.printf("rollout %s of alias %s: %s, %d%% on %s (stable %s)%n", r.path("id").asText(), r.path("alias").asText(),
                r.path("state").asText(), r.path("current_percent").asInt(), r.path("candidate_model").asText(),
                r.path("stable_model").asText());
        if (r.hasNonNull("outcome_reason")) {
            out.printf("outcome: %s: %s%n", r.path("outcome_reason").asText(), r.path("outcome_detail").asText());
        }
        out.print(RolloutTables.steps(r).render());
    }


    @Command(mixinStandardHelpOptions = true, name = "start", description = {"Start rolling CANDIDATE out on ALIAS.",
            "Each step lasts --min-duration with --min-requests candidate calls and the guards holding; a breach rolls back."})
    static final class Start extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ALIAS") String alias;
        @Parameters(index = "1", paramLabel = "CANDIDATE") String candidate;
        @picocli.CommandLine.Mixin
        RolloutShape shape;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("alias", alias);
            body.put("candidate_model", candidate);
            body.putAll(shape.body());
            JsonNode rollout = client(AliasesCommand.SERVICE).postJson("/api/v1/rollouts", body);
            return print(rollout, RolloutTables.rollouts(List.of(rollout)), null);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Rollouts, newest first.")
    static final class ListRollouts extends ApiCommand {

        @Option(names = "--alias") String alias;
        @Option(names = "--state", description = "active, paused, completed or rolled_back.") String state;
        @picocli.CommandLine.Mixin
        PageOptions paging;

        @Override
        public Integer call() {
            JsonNode page = client(AliasesCommand.SERVICE).get("/api/v1/rollouts"
                    + query("alias", alias, "state", state, "limit", paging.limit, "after", paging.after));
            int code = print(page, RolloutTables.rollouts(page.path("data")), "No rollouts: `tuneforge rollouts start ALIAS CANDIDATE`");
            morePages(page, "rollouts list");
            return code;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "A rollout with requests, error rate and latency per step for both arms.")
    static final class Show extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            JsonNode rollout = client(AliasesCommand.SERVICE).get("/api/v1/rollouts/" + segment(id));
            if (!jsonPrinted(rollout)) {
                describe(out(), rollout);
            }
            return ExitCodes.OK;
        }
    }

    /** advance / pause / resume / rollback: one POST, then the rollout as it is now. */
    abstract static class Transition extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ID") String id;

        abstract String action();

        Object body() {
            return Map.of();
        }

        @Override
        public Integer call() {
            JsonNode rollout = client(AliasesCommand.SERVICE).postJson("/api/v1/rollouts/" + segment(id) + "/" + action(), body());
            if (!jsonPrinted(rollout)) {
                describe(out(), rollout);
            }
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "advance", description = "Move to the next step now (completes at the last step).")
    static final class Advance extends Transition {
        @Override
        String action() {
            return "advance";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "pause", description = "Hold the current share: no automatic advance or rollback.")
    static final class Pause extends Transition {
        @Override
        String action() {
            return "pause";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "resume", description = "Resume a paused rollout (its step starts over).")
    static final class Resume extends Transition {
        @Override
        String action() {
            return "resume";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "rollback", description = "Send all of the alias's traffic back to its stable model.")
    static final class Rollback extends Transition {

        @Option(names = "--reason", description = "Why, kept with the rollout.") String reason;

        @Override
        String action() {
            return "rollback";
        }

        @Override
        Object body() {
            return reason == null ? Map.of() : Map.of("reason", reason);
        }
    }
}
