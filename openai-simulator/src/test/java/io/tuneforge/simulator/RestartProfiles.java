package io.tuneforge.simulator;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two profiles over the same data folder: switching from one to the other restarts the simulator. Quarkus
 * runs test classes grouped by profile, ordered by profile name, so FirstLife runs before SecondLife.
 */
final class RestartProfiles {

    static final Path DATA = Path.of("target", "simulator-restart-data").toAbsolutePath();

    private RestartProfiles() {}

    /** First life: starts from an empty folder, with slow steps so a job is still running at shutdown. */
    public static class FirstLife implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (Files.exists(DATA)) {
                try (Stream<Path> files = Files.walk(DATA)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Map.of("tuneforge.simulator.data-dir", DATA.toString(), "tuneforge.simulator.time.step", "20ms");
        }
    }

    /** Second life: the same folder, normal test speed. */
    public static class SecondLife implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tuneforge.simulator.data-dir", DATA.toString());
        }
    }
}
