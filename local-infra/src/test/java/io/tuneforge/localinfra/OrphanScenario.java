package io.tuneforge.localinfra;

import java.nio.file.Path;

/**
 * Run as a separate JVM by OrphanGuardTest: starts a broker and a database, reports their pids, and
 * waits to be killed with -9.
 */
public final class OrphanScenario {

    private OrphanScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir.resolve("kafka"), 0);
        PostgresServer postgres = PostgresServer.start(PostgresServer.defaultWorkDir(), dir.resolve("postgres"), 0, false);
        System.out.println("READY " + broker.pid() + " " + postgres.pid());
        System.out.flush();
        // Bounded, so a test that fails to kill us does not leave this JVM forever.
        Thread.sleep(120_000);
    }
}
