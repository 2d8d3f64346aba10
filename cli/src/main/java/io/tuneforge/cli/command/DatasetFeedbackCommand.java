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
import java.util.Map;

/**
 * {@code tuneforge datasets feedback ...}: a preference dataset's feedback source in dataset-service, the
 * alias whose corrected and rated answers become DPO pairs and new versions.
 */
@Command(mixinStandardHelpOptions = true, name = "feedback", description = {
        "Turn feedback on a gateway alias into preference (DPO) pairs and new versions of a dpo dataset.",
        "The alias must capture exchanges: `tuneforge aliases set <alias> ... --capture`."},
        subcommands = {DatasetFeedbackCommand.Set.class, DatasetFeedbackCommand.Show.class, DatasetFeedbackCommand.Pairs.class,
                DatasetFeedbackCommand.Reject.class, DatasetFeedbackCommand.Build.class, DatasetFeedbackCommand.Remove.class})
public final class DatasetFeedbackCommand implements Runnable {

    static final String SERVICE = "dataset-service";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String path(String dataset) {
        return "/api/v1/datasets/" + ApiCommand.segment(dataset) + "/feedback-source";
    }

    @Command(mixinStandardHelpOptions = true, name = "set", description = "Create or change the dataset's feedback source.")
    static final class Set extends ApiCommand {

        @Parameters(index = "0", paramLabel = "DATASET", description = "A dpo dataset (ds_...).") String dataset;

        @Option(names = "--alias", required = true, description = "The gateway alias whose feedback becomes pairs.") String alias;

        @Option(names = "--min-new-pairs", paramLabel = "N", description = "Pending pairs that make a new version (default 50).")
        Integer minNewPairs;

        @Option(names = "--auto-version", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Build the version automatically at --min-new-pairs (default); --no-auto-version: only on `build`.")
        boolean autoVersion;

        @Option(names = "--no-redact", description = "Keep personal data in the pairs (default: replaced by placeholders).")
        boolean noRedact;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("alias", alias);
            if (minNewPairs != null) {
                body.put("min_new_pairs", minNewPairs);
            }
            body.put("auto_version", autoVersion);
            body.put("redact_pii", !noRedact);
            JsonNode source = client(SERVICE).putJson(path(dataset), body);
            return jsonPrinted(source) ? ExitCodes.OK : show(this, source);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "The feedback source with its counts: pending pairs, "
            + "pairs used, feedback that made no pair and why.")
    static final class Show extends ApiCommand {

        @Parameters(index = "0", paramLabel = "DATASET") String dataset;

        @Override
        public Integer call() {
            JsonNode source = client(SERVICE).get(path(dataset));
            return jsonPrinted(source) ? ExitCodes.OK : show(this, source);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "build", description = "Make a new version from the pending pairs now.")
    static final class Build extends ApiCommand {

        @Parameters(index = "0", paramLabel = "DATASET") String dataset;

        @Override
        public Integer call() {
            JsonNode version = client(SERVICE).postJson(path(dataset) + "/versions", Map.of());
            if (!jsonPrinted(version)) {
                out().printf("version %d: %s, %d examples (%d pairs from feedback)%n", version.path("version").asInt(),
                        version.path("status").asText(), version.path("example_count").asLong(),
                        version.path("lineage").path("feedback").path("pairs").asLong());
            }
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "pairs", description = "The pairs made from feedback, for review: "
            + "pending ones (default) or --used ones, with the preferred and the rejected answer.")
    static final class Pairs extends ApiCommand {

        @Parameters(index = "0", paramLabel = "DATASET") String dataset;

        @Option(names = "--used", description = "Pairs already in a version instead of pending ones.") boolean used;

        @picocli.CommandLine.Mixin
        PageOptions paging;

        @Override
        public Integer call() {
            JsonNode page = client(SERVICE).get(path(dataset) + "/pairs" + query("status", used ? "used" : "pending",
                    "limit", paging.limit, "after", paging.after));
            Table table = Table.of("pair", "rule", "version", "prompt", "preferred", "rejected");
            for (JsonNode p : page.path("data")) {
                JsonNode messages = p.path("example").path("input").path("messages");
                table.row(p.path("id").asText(), p.path("rule").asText(), p.hasNonNull("version") ? p.path("version").asText() : "-",
                        clip(messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("content").asText()),
                        clip(p.path("example").path("preferred_output").path(0).path("content").asText()),
                        clip(p.path("example").path("non_preferred_output").path(0).path("content").asText()));
            }
            int code = print(page, table, used ? "No pair is in a version yet." : "No pending pairs.");
            morePages(page, "datasets feedback pairs " + dataset + (used ? " --used" : ""));
            return code;
        }

        private static String clip(String text) {
            String flat = text.replaceAll("\\s+", " ").trim();
            return flat.length() <= 40 ? flat : flat.substring(0, 37) + "...";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "reject", description = "Leave a pending pair out of the next version.")
    static final class Reject extends ApiCommand {

        @Parameters(index = "0", paramLabel = "DATASET") String dataset;

        @Parameters(index = "1", paramLabel = "PAIR", description = "The pair id (fbp_...), from `pairs`.") String pair;

        @Override
        public Integer call() {
            client(SERVICE).delete(path(dataset) + "/pairs/" + ApiCommand.segment(pair));
            out().println("pair " + pair + " rejected: it stays out of the next version of " + dataset);
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "remove", description = "Stop turning the alias's feedback into pairs "
            + "(pending pairs are dropped; versions keep theirs).")
    static final class Remove extends ApiCommand {

        @Parameters(index = "0", paramLabel = "DATASET") String dataset;

        @Override
        public Integer call() {
            client(SERVICE).delete(path(dataset));
            out().println("feedback source of " + dataset + " removed");
            return ExitCodes.OK;
        }
    }

    /** The human view of a source: settings, then counts. */
    static int show(ApiCommand command, JsonNode s) {
        JsonNode c = s.path("counts");
        var out = command.out();
        out.printf("dataset %s <- alias %s: a version every %d new pairs%s, PII %s%n", s.path("dataset_id").asText(),
                s.path("alias").asText(), s.path("min_new_pairs").asInt(), s.path("auto_version").asBoolean() ? "" : " (on demand only)",
                s.path("redact_pii").asBoolean() ? "redacted" : "kept");
        out.printf("feedback seen %d, without a captured exchange %d; pairs pending %d, used %d; answers waiting for a counterpart %d%n",
                c.path("feedback_seen").asLong(), c.path("feedback_without_exchange").asLong(), c.path("pending_pairs").asLong(),
                c.path("pairs_used").asLong(), c.path("waiting_for_counterpart").asLong());
        if (c.path("unpaired").size() > 0) {
            out.println("no pair made: " + c.path("unpaired"));
        }
        if (c.path("feedback_without_exchange").asLong() > 0) {
            out.println("hint: feedback without an exchange cannot become pairs; turn capture on: tuneforge aliases set "
                    + s.path("alias").asText() + " ... --capture");
        }
        return ExitCodes.OK;
    }
}
