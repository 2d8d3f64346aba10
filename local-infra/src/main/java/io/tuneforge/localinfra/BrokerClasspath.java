package io.tuneforge.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of the broker JVM: the kafka-broker jar (on our classpath, without its dependencies)
 * plus the jars it lists in its runtime.classpath resource, written by the build. Found through the
 * resource, not through a class, so no broker class is ever loaded into this JVM.
 */
final class BrokerClasspath {

    static final String RESOURCE = "io/tuneforge/kafkabroker/runtime.classpath";
    static final String MAIN_CLASS = "io.tuneforge.kafkabroker.KafkaBrokerMain";

    private static final String REBUILD = "rebuild it with: ./mvnw -N install && ./mvnw -f kafka-broker/pom.xml install";

    private BrokerClasspath() {
    }

    static String resolve() {
        URL resource = BrokerClasspath.class.getClassLoader().getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath: depend on io.tuneforge:kafka-broker"
                    + " (with an exclusion of *:*), or " + REBUILD);
        }
        List<String> entries = new ArrayList<>();
        entries.add(ownLocation(resource).toString());
        for (String entry : read(resource).split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (!Files.exists(Path.of(entry))) {
                throw new IllegalStateException("the kafka-broker runtime classpath lists " + entry
                        + ", which does not exist (built on another machine, or the local Maven repository"
                        + " was cleaned); " + REBUILD);
            }
            entries.add(entry);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The jar (or, in an IDE or reactor build, the classes directory) holding the resource. */
    private static Path ownLocation(URL resource) {
        String url = resource.toString();
        try {
            if (url.startsWith("jar:")) {
                return Path.of(new URL(url.substring(4, url.indexOf("!/"))).toURI());
            }
            Path file = Path.of(resource.toURI());
            // .../classes/io/tuneforge/kafkabroker/runtime.classpath -> .../classes
            return file.getParent().getParent().getParent().getParent();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where " + url + " lives; " + REBUILD, e);
        }
    }

    private static String read(URL resource) {
        try (InputStream in = resource.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + "; " + REBUILD, e);
        }
    }
}
