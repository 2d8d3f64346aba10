package io.tuneforge.cli.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReportTest {

    @Test
    void aStackWhoseSupervisorIsGoneIsReportedUnreachableAndUnhealthy() {
        StackState state = new StackState(1, StackPhase.RUNNING, "", Instant.EPOCH, Instant.EPOCH, "127.0.0.1:1",
                "jdbc:postgresql://localhost:1/tuneforge", null, List.of(
                new ComponentStatus("dataset-service", "service", 4242L, 8081, "http://127.0.0.1:8081",
                        "/p/.tuneforge/logs/dataset-service.log", ComponentState.CRASHED, 137, 2, "x", "exited"),
                new ComponentStatus("eval-service", "service", null, 8083, "http://127.0.0.1:8083",
                        "/p/.tuneforge/logs/eval-service.log", ComponentState.SKIPPED, null, 0, "x", "not built")));

        StatusReport report = StatusReport.probe(state, false, new HealthProbe(), Path.of("/p"));

        assertThat(report.healthy()).isFalse();
        assertThat(report.lines().get(0).state()).isEqualTo("crashed (exit 137), restarted 2x");
        assertThat(report.lines().get(0).health()).isEqualTo("-");
        assertThat(report.lines().get(0).log()).isEqualTo(".tuneforge/logs/dataset-service.log");
        assertThat(report.lines().get(1).where()).isEqualTo("not built");
        assertThat(report.render()).startsWith("COMPONENT").contains("4242");
    }
}
