package io.tuneforge.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a service's packaged jar ({@code <module>/target/quarkus-app/quarkus-run.jar}) was built from
 * the sources now in the tree. A test that starts another service from its jar would otherwise test
 * whatever was packaged last: {@code ./mvnw -pl training-service verify} after an edit in dataset-service
 * would run the old dataset-service without a word.
 *
 * <p>The sources that count are the module's own ({@code src/main}, {@code pom.xml}) and those of every
 * project module packaged into it (the {@code io.tuneforge.*} jars of {@code quarkus-app/lib/main}), plus
 * the root {@code pom.xml}.
 */
public final class ServiceJarFreshness {

    private static final Pattern PROJECT_JAR = Pattern.compile("io\\.tuneforge\\.(.+?)-\\d[^-]*(-SNAPSHOT)?\\.jar");

    private ServiceJarFreshness() {
    }

    /** The service jar of {@code module} under {@code projectRoot}. */
    public static Path jar(Path projectRoot, String module) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * @return why the jar of {@code module} is older than its sources (the first newer file found), or
     *         empty when it is current or absent (a missing jar is reported by whoever starts it)
     */
    public static Optional<String> staleness(Path projectRoot, String module) {
        Path jar = jar(projectRoot, module);
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            List<Path> sources = new ArrayList<>();
            sources.add(projectRoot.resolve("pom.xml"));
            for (String included : includedModules(projectRoot, module)) {
                sources.add(projectRoot.resolve(included).resolve("pom.xml"));
                sources.add(projectRoot.resolve(included).resolve("src/main"));
            }
            for (Path source : sources) {
                Optional<Path> newer = firstNewer(source, built);
                if (newer.isPresent()) {
                    return Optional.of(module + "'s jar (built " + built + ") is older than "
                            + projectRoot.relativize(newer.get()) + "; rebuild it: ./mvnw -q -pl " + module
                            + " -am package -DskipTests");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare " + jar + " with its sources", e);
        }
    }

    private static List<String> includedModules(Path projectRoot, String module) throws IOException {
        List<String> modules = new ArrayList<>();
        modules.add(module);
        Path libraries = projectRoot.resolve(module).resolve("target/quarkus-app/lib/main");
        if (Files.isDirectory(libraries)) {
            try (Stream<Path> jars = Files.list(libraries)) {
                jars.map(path -> PROJECT_JAR.matcher(path.getFileName().toString()))
                        .filter(Matcher::matches)
                        .map(matcher -> matcher.group(1))
                        .filter(artifact -> Files.isDirectory(projectRoot.resolve(artifact)))
                        .forEach(modules::add);
            }
        }
        return modules;
    }

    private static Optional<Path> firstNewer(Path source, FileTime built) throws IOException {
        if (!Files.exists(source)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(built) > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).findFirst();
        }
    }
}
