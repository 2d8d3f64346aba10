package io.tuneforge.cli.stack;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellExportsTest {

    private static ComponentStatus service(String name, int port, ComponentState state, String note) {
        return new ComponentStatus(name, "service", 100L, port, "http://127.0.0.1:" + port, "/x/" + name + ".log",
                state, null, 0, "quarkus-run.jar", note);
    }

    private static StackState state(String openaiBaseUrl) {
        return new StackState(1, StackPhase.RUNNING, "", Instant.EPOCH, Instant.EPOCH, "127.0.0.1:19092",
                "jdbc:postgresql://localhost:15432/tuneforge", openaiBaseUrl, List.of(
                service("dataset-service", 8081, ComponentState.UP, null),
                service("training-service", 8082, ComponentState.UP, null),
                service("eval-service", 8083, ComponentState.SKIPPED, "not built: eval-service/target/quarkus-app/quarkus-run.jar is missing"),
                service("cost-service", 8084, ComponentState.UP, null),
                service("gateway-service", 8085, ComponentState.UP, null)));
    }

    @Test
    void exportsEveryEndpointAndTheKeyInEvalSafeForm() {
        List<String> lines = ShellExports.lines(state("http://127.0.0.1:8090/v1"), "tfk_local_abc");

        assertThat(lines).contains(
                "export TUNEFORGE_API_KEY='tfk_local_abc'",
                "export TUNEFORGE_DATASET_URL='http://127.0.0.1:8081'",
                "export TUNEFORGE_TRAINING_URL='http://127.0.0.1:8082'",
                "export TUNEFORGE_EVAL_URL='http://127.0.0.1:8083'",
                "export TUNEFORGE_COST_URL='http://127.0.0.1:8084'",
                "export TUNEFORGE_GATEWAY_URL='http://127.0.0.1:8085'",
                "export TUNEFORGE_KAFKA_BOOTSTRAP='127.0.0.1:19092'",
                "export TUNEFORGE_DB_URL='jdbc:postgresql://localhost:15432/tuneforge'",
                "export OPENAI_BASE_URL='http://127.0.0.1:8090/v1'");
        assertThat(lines).filteredOn(line -> !line.startsWith("#"))
                .allMatch(line -> line.matches("export [A-Z_]+='[^']*'"));
        assertThat(lines).anyMatch(line -> line.startsWith("# eval-service is not running: not built"));
    }

    @Test
    void noOpenaiBaseUrlWhenARealProviderIsConfigured() {
        assertThat(ShellExports.lines(state(null), "k")).noneMatch(line -> line.contains("OPENAI_BASE_URL"));
    }

    @Test
    void singleQuotesInAValueCannotBreakOutOfTheQuoting() {
        assertThat(ShellExports.export("X", "it's; rm -rf /")).isEqualTo("export X='it'\\''s; rm -rf /'");
    }
}
