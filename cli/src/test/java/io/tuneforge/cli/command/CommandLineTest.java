package io.tuneforge.cli.command;

import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.Tuneforge;
import io.tuneforge.cli.api.ServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CommandLineTest {

    @TempDir
    Path stateDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Tuneforge.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode1() {
        assertThat(run("datasets", "list", "--no-such-flag")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--no-such-flag'").contains("tuneforge datasets list --help");
    }

    @Test
    void validateChecksAFileOfflineAndFailsWithExitCode4OnBrokenLines() throws Exception {
        Path good = stateDir.resolve("good.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            lines.append("{\"messages\":[{\"role\":\"user\",\"content\":\"Ticket ").append(i)
                    .append(": where is order ").append(i * 7).append("?\"},{\"role\":\"assistant\",\"content\":\"")
                    .append(i % 2 == 0 ? "shipping" : "billing").append("\"}]}\n");
        }
        java.nio.file.Files.writeString(good, lines);
        assertThat(run("datasets", "validate", good.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("good.jsonl").doesNotContain("FAILED");

        Path broken = stateDir.resolve("broken.jsonl");
        java.nio.file.Files.writeString(broken, lines + "{\"messages\": [\n");
        assertThat(run("datasets", "validate", broken.toString())).isEqualTo(ExitCodes.DATASET_REJECTED);
        assertThat(out.toString()).contains("FAILED").contains("line 61");
    }

    @Test
    void pushWithoutAFileIsAUsageError() {
        assertThat(run("datasets", "push")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void pushOfAMissingFileSaysWhichFile() {
        assertThat(run("--state-dir", stateDir.toString(), "datasets", "push", "nope.jsonl", "--api-key", "k"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nope.jsonl").contains("no such readable file");
    }

    @Test
    void noApiKeyAnywhereIsAUsageErrorThatSaysWhereKeysComeFrom() {
        // Only meaningful when the environment has no key; CI and dev shells normally have none.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("TUNEFORGE_API_KEY") == null);
        assertThat(run("--state-dir", stateDir.toString(), "datasets", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--api-key").contains("TUNEFORGE_API_KEY").contains("./tuneforge up");
    }

    @Test
    void nothingListeningIsAConnectionFailureWithExitCode3() {
        assertThat(run("--state-dir", stateDir.toString(), "datasets", "list", "--url", "http://127.0.0.1:9",
                "--api-key", "k")).isEqualTo(ExitCodes.CONNECTION_FAILURE);
        assertThat(err.toString()).contains("cannot reach http://127.0.0.1:9/api/v1/datasets");
    }

    @Test
    void deletingADatasetNeedsYesAndCallsTheDatasetOrItsVersion() {
        assertThat(run("--state-dir", stateDir.toString(), "datasets", "delete", "ds_1", "--version", "2",
                "--url", "http://127.0.0.1:9", "--api-key", "k")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("this deletes version 2 of dataset ds_1 for good; add --yes to confirm");
        assertThat(run("--state-dir", stateDir.toString(), "datasets", "delete", "ds_1", "--version", "2", "--yes",
                "--url", "http://127.0.0.1:9", "--api-key", "k")).isEqualTo(ExitCodes.CONNECTION_FAILURE);
        assertThat(err.toString()).contains("cannot reach http://127.0.0.1:9/api/v1/datasets/ds_1/versions/2");
    }

    @Test
    void aHyperparameterThatIsNeitherANumberNorAutoIsAUsageErrorNamingTheOption() {
        assertThat(run("--state-dir", stateDir.toString(), "jobs", "create", "--dataset", "ds_1", "--base-model", "gpt-4.1-mini",
                "--account", "acct_1", "--epochs", "three", "--api-key", "k", "--url", "http://127.0.0.1:9")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--epochs takes a number or 'auto', not 'three'");
    }

    @Test
    void jobsCreateWithoutDataSaysHowToNameIt() {
        assertThat(run("--state-dir", stateDir.toString(), "jobs", "create", "--base-model", "gpt-4.1-mini", "--account", "a",
                "--api-key", "k")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--dataset ds_... [--version N] or --dataset-version dsv_...");
    }

    @Test
    void rolloutShapesAreCheckedBeforeAnythingIsSent() {
        assertThat(run("--state-dir", stateDir.toString(), "rollouts", "start", "support", "ft:x", "--steps", "10,half,100",
                "--api-key", "k", "--url", "http://127.0.0.1:9")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--steps must be comma-separated whole percentages");
        assertThat(run("--state-dir", stateDir.toString(), "aliases", "set", "support", "--model", "gpt-4.1-mini", "--min-requests", "5",
                "--api-key", "k", "--url", "http://127.0.0.1:9")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("need --auto-rollout");
        assertThat(run("--state-dir", stateDir.toString(), "rollouts", "list", "--api-key", "k", "--url", "http://127.0.0.1:9"))
                .isEqualTo(ExitCodes.CONNECTION_FAILURE);
    }

    @Test
    void aliasCaptureIsOptInAndAnOmittedOptionKeepsTheSetting() throws Exception {
        assertThat(run("--state-dir", stateDir.toString(), "aliases", "set", "support", "--model", "gpt-4.1-mini",
                "--capture-retention-days", "7", "--api-key", "k", "--url", "http://127.0.0.1:9")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--capture-retention-days needs --capture");
        assertThat(run("--state-dir", stateDir.toString(), "aliases", "set", "support", "--model", "gpt-4.1-mini", "--no-capture",
                "--capture-retention-days", "7", "--api-key", "k", "--url", "http://127.0.0.1:9")).isEqualTo(ExitCodes.USAGE);
        // Valid options get as far as the (absent) gateway.
        assertThat(run("--state-dir", stateDir.toString(), "aliases", "set", "support", "--model", "gpt-4.1-mini", "--capture",
                "--capture-retention-days", "7", "--api-key", "k", "--url", "http://127.0.0.1:9")).isEqualTo(ExitCodes.CONNECTION_FAILURE);

        assertThat(AliasesCommand.captureBody(true, 7)).containsExactly(entry("enabled", true), entry("retention_days", 7));
        assertThat(AliasesCommand.captureBody(true, null)).as("the gateway's default retention").containsExactly(entry("enabled", true));
        assertThat(AliasesCommand.captureBody(false, null)).containsExactly(entry("enabled", false));
        assertThat(AliasesCommand.captureBody(null, null)).as("no option: the field is left out, the alias keeps its setting").isNull();

        String view = "{\"name\":\"support\",\"stable_model\":\"gpt-4.1-mini\",\"capture\":{\"enabled\":%s,\"retention_days\":%d},"
                + "\"updated_at\":\"2026-11-26T10:00:00Z\"}";
        String on = AliasesCommand.aliases(List.of(ServiceClient.JSON.readTree(view.formatted("true", 7)))).render();
        assertThat(on).contains("CAPTURE").contains("on, kept 7 d");
        String off = AliasesCommand.aliases(List.of(ServiceClient.JSON.readTree(view.formatted("false", 30)))).render();
        assertThat(off).contains("off").doesNotContain("kept");
        assertThat(run("aliases", "set", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("--[no-]capture").contains("--capture-retention-days");
    }

    @Test
    void everyDailyCommandGroupIsThereWithHelp() {
        for (String group : new String[] {"jobs", "models", "evals", "cost", "pipelines", "aliases", "rollouts"}) {
            out.getBuffer().setLength(0);
            assertThat(run(group, "--help")).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).as(group).contains("Usage: tuneforge " + group);
        }
        out.getBuffer().setLength(0);
        assertThat(run("completion")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("jobs").contains("watch").contains("pipelines");
    }

    @Test
    void aConfigFileThatDoesNotExistIsAUsageError() {
        assertThat(run("--state-dir", stateDir.toString(), "--config", stateDir.resolve("none.yaml").toString(), "jobs", "list"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("none.yaml").contains("does not exist");
    }

    @Test
    void statusWithoutAStackSaysHowToStartOne() {
        assertThat(run("--state-dir", stateDir.toString(), "status")).isEqualTo(ExitCodes.CONNECTION_FAILURE);
        assertThat(out.toString()).contains("./tuneforge up");
    }

    @Test
    void downWithNothingRunningIsHarmless() {
        assertThat(run("--state-dir", stateDir.toString(), "down")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("not running");
    }

    @Test
    void envWithoutAStackFails() {
        assertThat(run("--state-dir", stateDir.toString(), "env")).isEqualTo(ExitCodes.CONNECTION_FAILURE);
        assertThat(err.toString()).contains("./tuneforge up");
    }

    @Test
    void completionIsABashScriptCoveringTheSubcommands() throws Exception {
        assertThat(run("completion")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("complete -F").contains("datasets").contains("demo").contains("--state-dir");
        assertThat(Files.exists(stateDir)).isTrue();
    }

    @Test
    void helpListsExitCodes() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Exit codes:").contains("4   dataset rejected");
    }
}
