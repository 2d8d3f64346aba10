package io.tuneforge.cli.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the supervisor as a background process that outlives this command: in its own session
 * (setsid), so a Ctrl-C in the terminal that ran `up` does not reach it, with no terminal input
 * and its output in logs/supervisor.log.
 */
final class SupervisorLauncher {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private SupervisorLauncher() {
    }

    static Process launch(StackLayout layout) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The supervisor only waits and watches; the heavy lifting happens in its children.
        command.add("-Xmx96m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-D" + ProjectRoot.PROPERTY + "=" + layout.projectRoot());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StackSupervisor.class.getName());
        command.add(layout.projectRoot().toString());
        command.add(layout.stateDir().toString());
        try {
            Files.createDirectories(layout.logsDir());
            Files.writeString(layout.supervisorLog(), "---- tuneforge up at " + Instant.now() + " ----\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return new ProcessBuilder(command)
                    .directory(layout.projectRoot().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.supervisorLog().toFile()))
                    .start();
        } catch (IOException e) {
            throw new StackFailure("could not start the stack supervisor (" + command.get(0) + "): " + e.getMessage()
                    + "\n  check that the state folder " + layout.stateDir() + " is writable");
        }
    }
}
