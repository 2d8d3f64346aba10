package io.tuneforge.cli.stack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tuneforge checkout this CLI belongs to. The ./tuneforge script passes it as
 * -Dtuneforge.root; otherwise it is found from the jar (cli/target/tuneforge-cli.jar), so
 * `java -jar` from any directory still finds the service jars and the state folder.
 */
public final class ProjectRoot {

    public static final String PROPERTY = "tuneforge.root";

    private ProjectRoot() {
    }

    public static Path locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(ProjectRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // .../cli/target/tuneforge-cli.jar or .../cli/target/classes
            Path candidate = jar.getParent().getParent().getParent();
            if (candidate != null && Files.exists(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("cli"))) {
                return candidate.normalize();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Fall through to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }
}
