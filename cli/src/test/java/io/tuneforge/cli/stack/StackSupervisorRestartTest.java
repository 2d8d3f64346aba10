package io.tuneforge.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tuneforge.localinfra.FreePorts;

/**
 * A real supervisor JVM (as `tuneforge up` starts it, with its -Xmx96m) over a project with no
 * service built, so it runs only PostgreSQL and Kafka: kill -9 each and it comes back on its own.
 */
class StackSupervisorRestartTest {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path projectRoot;
    @TempDir
    Path stateDir;

    private Process supervisor;

    @AfterEach
    void stop() throws Exception {
        if (supervisor != null) {
            supervisor.destroy(); // SIGTERM: the supervisor stops Kafka and PostgreSQL
            if (!supervisor.waitFor(60, TimeUnit.SECONDS)) {
                supervisor.destroyForcibly(); // the orphan guards stop its children then
            }
        }
    }

    @Test
    void aKilledBrokerAndAKilledPostmasterAreStartedAgainWithALogLine() throws Exception {
        StackLayout layout = new StackLayout(projectRoot, stateDir);
        int[] ports = FreePorts.pick(2);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-Djava.util.logging.manager=java.util.logging.LogManager",
                "-cp", System.getProperty("java.class.path"), StackSupervisor.class.getName(),
                projectRoot.toString(), stateDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(stateDir.resolve("supervisor-test.log").toFile());
        builder.environment().remove("OPENAI_API_KEY");
        builder.environment().remove("AZURE_OPENAI_API_KEY");
        builder.environment().put("TUNEFORGE_POSTGRES_PORT", Integer.toString(ports[0]));
        builder.environment().put("TUNEFORGE_KAFKA_PORT", Integer.toString(ports[1]));
        supervisor = builder.start();
        StackStateFile file = new StackStateFile(layout.stateFile());

        StackState up = await(file, StackState::fullyUp, "the stack up");
        long brokerPid = up.component(ServiceCatalog.KAFKA).orElseThrow().pid();
        ProcessHandle.of(brokerPid).orElseThrow().destroyForcibly();

        StackState brokerBack = await(file, s -> isBackWithNewPid(s, ServiceCatalog.KAFKA, brokerPid), "Kafka back");
        assertThat(brokerBack.component(ServiceCatalog.KAFKA).orElseThrow().restarts()).isEqualTo(1);
        assertThat(log()).contains("the broker JVM (pid " + brokerPid + ") exited; restarting in 3 s")
                .contains("Kafka up: 127.0.0.1:" + ports[1]);

        long postmasterPid = brokerBack.component(ServiceCatalog.POSTGRES).orElseThrow().pid();
        ProcessHandle.of(postmasterPid).orElseThrow().destroyForcibly();

        StackState postgresBack = await(file, s -> isBackWithNewPid(s, ServiceCatalog.POSTGRES, postmasterPid),
                "PostgreSQL back");
        assertThat(postgresBack.component(ServiceCatalog.POSTGRES).orElseThrow().restarts()).isGreaterThanOrEqualTo(1);
        assertThat(log()).contains("the postmaster (pid " + postmasterPid + ") exited; restarting in 3 s");
        assertThat(supervisor.isAlive()).isTrue();
    }

    private static boolean isBackWithNewPid(StackState state, String component, long oldPid) {
        ComponentStatus row = state.component(component).orElseThrow();
        return row.state() == ComponentState.UP && row.pid() != null && row.pid() != oldPid
                && ProcessHandle.of(row.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    private StackState await(StackStateFile file, Predicate<StackState> condition, String what) throws Exception {
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        Optional<StackState> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = file.read();
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            assertThat(supervisor.isAlive()).as("supervisor alive; its log:\n%s", log()).isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError(what + " not within " + BACK_WITHIN.toSeconds() + " s; last state " + last
                + "\nsupervisor log:\n" + log());
    }

    private String log() {
        try {
            return Files.readString(stateDir.resolve("supervisor-test.log"));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
