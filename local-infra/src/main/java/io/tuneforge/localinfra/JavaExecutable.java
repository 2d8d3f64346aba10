package io.tuneforge.localinfra;

import java.nio.file.Files;
import java.nio.file.Path;

/** The java binary of the running JVM, so a child JVM runs on the same Java as its parent. */
final class JavaExecutable {

    private JavaExecutable() {
    }

    static String current() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot find the java executable: neither "
                        + fromHome + " nor this process's command line is available; set java.home"));
    }
}
