package io.tuneforge.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanGuardTest {

    @TempDir
    Path dir;

    @Test
    void brokerAndDatabaseDieWithTheJvmThatStartedThemEvenOnKillMinus9() throws Exception {
        Process scenario = new ProcessBuilder(JavaExecutable.current(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), OrphanScenario.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        List<Long> pids = new ArrayList<>();
        try {
            String ready = readyLine(scenario);
            assertThat(ready).as("scenario output").startsWith("READY ");
            for (String pid : ready.substring(6).trim().split(" ")) {
                pids.add(Long.parseLong(pid));
            }
            assertThat(pids).hasSize(2).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());

            scenario.destroyForcibly(); // SIGKILL: no shutdown hook runs in the scenario JVM
            assertThat(scenario.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();

            long deadline = killed + Duration.ofSeconds(25).toNanos();
            while (pids.stream().anyMatch(OrphanGuardTest::alive) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            StartupTimes.report("broker and postgres gone after kill -9 of their JVM", killed);
            assertThat(pids).as("broker and postmaster pids").noneMatch(OrphanGuardTest::alive);
        } finally {
            scenario.destroyForcibly();
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void aGuardArmedBeforeItsServerStartedStopsItThroughThePidFileWhenTheJvmDiesMidStart() throws Exception {
        Path pidFile = dir.resolve("server.pid");
        OrphanGuard guard = OrphanGuard.watchPidFile("sleeper", pidFile, OrphanGuard.StopSignal.TERM, Duration.ofSeconds(2),
                "sleep 3017");
        Process server = new ProcessBuilder("sleep", "3017").start();
        try {
            // The server wrote its pid file, but the JVM died before it learnt the pid.
            Files.writeString(pidFile, server.pid() + "\n/some/data/dir\n");
            guard.stopNow(); // what a dead JVM does to the watchdog: its stdin pipe closes
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("server stopped by the watchdog").isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aPidMadeKnownIsStoppedEvenWhenThePidFileIsGoneAlready() throws Exception {
        OrphanGuard guard = OrphanGuard.watchPidFile("sleeper", dir.resolve("never-written.pid"), OrphanGuard.StopSignal.TERM,
                Duration.ofSeconds(2), "sleep 3019");
        Process server = new ProcessBuilder("sleep", "3019").start();
        try {
            guard.knowPid(server.pid());
            guard.stopNow();
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("server stopped by the watchdog").isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aPidTheFileHeldBeforeTheGuardWasArmedIsStaleAndNeverSignalled() throws Exception {
        Path pidFile = dir.resolve("stale.pid");
        Process bystander = new ProcessBuilder("sleep", "3018").start();
        try {
            Files.writeString(pidFile, bystander.pid() + "\n");
            OrphanGuard guard = OrphanGuard.watchPidFile("sleeper", pidFile, OrphanGuard.StopSignal.TERM, Duration.ofSeconds(1),
                    "sleep 3018");
            guard.stopNow();
            assertThat(bystander.isAlive()).as("a process named by a stale pid file").isTrue();
        } finally {
            bystander.destroyForcibly();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The scenario's first line starting with READY, or everything it printed if it never gets there. */
    private static String readyLine(Process scenario) throws Exception {
        StringBuilder output = new StringBuilder();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(scenario.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        return line;
                    }
                    output.append(line).append('\n');
                }
            } catch (Exception e) {
                output.append(e);
            }
            return output.toString();
        });
        return ready.get(120, TimeUnit.SECONDS);
    }
}
