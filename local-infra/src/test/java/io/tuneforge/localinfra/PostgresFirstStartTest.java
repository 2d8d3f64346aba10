package io.tuneforge.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start on a machine: the binaries are unpacked in bounded memory, and an unpack that was
 * killed or left half done never makes a later start fail. Each test has a binaries folder of its own,
 * as a machine where tuneforge never ran.
 */
class PostgresFirstStartTest {

    @TempDir
    Path dir;

    @Test
    void aJvmWithA64MbHeapUnpacksAndStartsPostgresql() throws Exception {
        Path workDir = dir.resolve("binaries");
        ScenarioRun run = runScenario(workDir, dir.resolve("pg"), "-Xmx64m");
        assertThat(run.exitCode).as("scenario output:\n%s", run.output).isZero();
        assertThat(run.output).contains("READY 42").doesNotContain("OutOfMemoryError");
        assertThat(PostgresBinaries.problem(PostgresBinaries.targetDirectory(workDir))).isEmpty();
    }

    @Test
    void anUnpackKilledMidwayLeavesNothingALaterStartMistakesForFinished() throws Exception {
        Path workDir = dir.resolve("binaries");
        Process scenario = scenario(workDir, dir.resolve("pg-killed"), "-Xmx256m").start();
        try {
            // Killed once a good part of the archive is on disk, wherever the unpack writes it.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (filesUnder(workDir) < 300 && scenario.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(scenario.isAlive()).as("still unpacking when killed").isTrue();
            scenario.destroyForcibly(); // SIGKILL: no cleanup of any kind runs
            assertThat(scenario.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            scenario.destroyForcibly();
        }
        assertThat(filesUnder(workDir)).as("the killed unpack left files").isGreaterThan(0);

        ScenarioRun again = runScenario(workDir, dir.resolve("pg"), "-Xmx256m");
        assertThat(again.exitCode).as("second start output:\n%s", again.output).isZero();
        assertThat(again.output).contains("READY 42");
        assertThat(again.output).contains("left by an unpack that did not finish");
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".unpacking-"));
        }
    }

    @Test
    void aHalfUnpackedFolderIsDetectedAndUnpackedAgainWithALogLine() throws Exception {
        Path workDir = dir.resolve("binaries");
        Path target = PostgresBinaries.targetDirectory(workDir);
        // As an in-place unpack killed midway leaves it: some files, a symlink, no marker.
        Files.createDirectories(target.resolve("lib"));
        Files.writeString(target.resolve("lib/libicuuc.so.60.2"), "half");
        Files.createSymbolicLink(target.resolve("lib/libicuuc.so"), Path.of("libicuuc.so.60.2"));

        List<String> logged = captureLog(workDir, () -> PostgresBinaries.prepare(workDir));

        assertThat(logged).anySatisfy(line -> assertThat(line).contains(target.toString()).contains("incomplete")
                .contains("unpacking them again"));
        assertThat(PostgresBinaries.problem(target)).isEmpty();
        assertThat(Files.size(target.resolve("lib/libicuuc.so.60.2"))).isGreaterThan(1_000_000);
        try (PostgresServer postgres = PostgresServer.start(workDir, dir.resolve("pg"), 0, false)) {
            assertThat(postgres.pid()).isPositive();
        }
    }

    @Test
    void aFinishedUnpackThatLostAFileIsUnpackedAgain() throws Exception {
        Path workDir = dir.resolve("binaries");
        PostgresBinaries.Prepared first = PostgresBinaries.prepare(workDir);
        Files.delete(first.directory().resolve("bin/initdb")); // as a cleaner of old temp files would
        assertThat(PostgresBinaries.problem(first.directory())).get().asString().contains("bin/initdb");

        List<String> logged = captureLog(workDir, () -> PostgresBinaries.prepare(workDir));

        assertThat(logged).anySatisfy(line -> assertThat(line).contains("bin/initdb").contains("unpacking them again"));
        assertThat(first.directory().resolve("bin/initdb")).isExecutable();
        assertThat(PostgresBinaries.problem(first.directory())).isEmpty();
    }

    @Test
    void aCompleteUnpackIsReusedWithoutUnpackingAgain() throws Exception {
        Path workDir = dir.resolve("binaries");
        Path target = PostgresBinaries.prepare(workDir).directory();
        long before = Files.getLastModifiedTime(target.resolve("bin/postgres")).toMillis();

        List<String> logged = captureLog(workDir, () -> PostgresBinaries.prepare(workDir));

        assertThat(logged).noneMatch(line -> line.contains("unpacking"));
        assertThat(Files.getLastModifiedTime(target.resolve("bin/postgres")).toMillis()).isEqualTo(before);
    }

    private record ScenarioRun(int exitCode, String output) {
    }

    private ProcessBuilder scenario(Path workDir, Path dataDir, String heap) throws IOException {
        Path output = Files.createTempFile(dir, "scenario", ".log");
        return new ProcessBuilder(JavaExecutable.current(), heap, "-XX:+UseSerialGC",
                "-Djava.util.logging.manager=java.util.logging.LogManager",
                "-cp", System.getProperty("java.class.path"), FirstStartScenario.class.getName(),
                workDir.toString(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
    }

    private ScenarioRun runScenario(Path workDir, Path dataDir, String heap) throws Exception {
        ProcessBuilder builder = scenario(workDir, dataDir, heap);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("scenario finished in time").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new ScenarioRun(process.exitValue(),
                Files.readString(builder.redirectOutput().file().toPath(), StandardCharsets.UTF_8));
    }

    private static long filesUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a folder renamed while we walk: ask again
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    /** What PostgresBinaries logs about {@code workDir}: other test classes unpack elsewhere at the same time. */
    private static List<String> captureLog(Path workDir, Action action) throws Exception {
        Logger logger = Logger.getLogger(PostgresBinaries.class.getName());
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().contains(workDir.toString())) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }
}
