package io.tuneforge.localinfra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJarFreshnessTest {

    private static final Instant BUILT = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        write("pom.xml", BUILT.minusSeconds(3600));
        write("dataset-service/pom.xml", BUILT.minusSeconds(3600));
        write("dataset-service/src/main/java/Service.java", BUILT.minusSeconds(60));
        write("platform-runtime/pom.xml", BUILT.minusSeconds(3600));
        write("platform-runtime/src/main/java/Outbox.java", BUILT.minusSeconds(60));
        write("training-service/src/main/java/Jobs.java", BUILT.plusSeconds(600));
        write("dataset-service/target/quarkus-app/quarkus-run.jar", BUILT);
        write("dataset-service/target/quarkus-app/lib/main/io.tuneforge.platform-runtime-0.1.0-SNAPSHOT.jar", BUILT);
        write("dataset-service/target/quarkus-app/lib/main/io.quarkus.quarkus-core-3.33.2.jar", BUILT);
    }

    @Test
    void aJarBuiltAfterItsSourcesIsCurrentWhateverOtherModulesDid() {
        assertThat(ServiceJarFreshness.staleness(root, "dataset-service")).isEmpty();
    }

    @Test
    void anEditInTheServiceMakesItsJarStaleAndSaysHowToRebuild() throws IOException {
        write("dataset-service/src/main/resources/application.properties", BUILT.plusSeconds(5));
        assertThat(ServiceJarFreshness.staleness(root, "dataset-service")).hasValueSatisfying(why -> assertThat(why)
                .contains("dataset-service/src/main/resources/application.properties")
                .contains("./mvnw -q -pl dataset-service -am package -DskipTests"));
    }

    @Test
    void anEditInAProjectModulePackagedIntoTheServiceMakesItStaleToo() throws IOException {
        write("platform-runtime/src/main/java/Outbox.java", BUILT.plusSeconds(5));
        assertThat(ServiceJarFreshness.staleness(root, "dataset-service")).hasValueSatisfying(why -> assertThat(why)
                .contains("platform-runtime/src/main/java/Outbox.java"));
    }

    @Test
    void aMissingJarIsLeftToWhoeverStartsIt() {
        assertThat(ServiceJarFreshness.staleness(root, "cost-service")).isEmpty();
    }

    private void write(String path, Instant modified) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
