package io.tuneforge.localinfra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run as a separate JVM by PostgresFirstStartTest, with a small heap and a binaries folder of its
 * own: starts PostgreSQL (unpacking the binaries if needed), runs a query, prints READY, stops.
 * With {@code --hold} it waits after "unpack started" is visible, to be killed.
 */
public final class FirstStartScenario {

    private FirstStartScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path workDir = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        try (PostgresServer postgres = PostgresServer.start(workDir, dataDir, 0, false);
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select 41 + 1")) {
            row.next();
            System.out.println("READY " + row.getInt(1));
            System.out.flush();
        }
    }
}
