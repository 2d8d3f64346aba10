package io.tuneforge.training;

import io.restassured.RestAssured;
import io.tuneforge.localinfra.QuarkusServiceProcess;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.SiblingServices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * training-service as real processes for the failsafe tests ({@code *IT}): packaged jars started as named
 * instances on this JVM's broker and database, next to a real dataset-service and simulator, so a test can
 * kill one with SIGKILL or run two at once. Also a plain JDBC view of the shared database.
 */
final class TrainingReplicas {

    /** The same sealing key for every instance: a key sealed by one replica is opened by another. */
    private static final String SECRET_KEY = "q83vEjRWeJiavN7wEjRWeJq83vEjRWeJiavN7wEjRWc=";

    private static Map<String, String> database;

    private TrainingReplicas() {
    }

    /** Starts (once per JVM) the broker, the database, dataset-service and the simulator. */
    static synchronized void infrastructure() {
        if (database == null) {
            database = new PlatformTestResource().start();
            SiblingServices.start("dataset-service", "openai-simulator");
        }
    }

    /** A training-service instance polling and scheduling as fast as the @QuarkusTests, with a short lease. */
    static QuarkusServiceProcess start(String name) {
        infrastructure();
        Map<String, String> env = new HashMap<>();
        env.put("TUNEFORGE_DATASET_URL", SiblingServices.baseUrl("dataset-service"));
        env.put("TUNEFORGE_TRAINING_SECRET_KEY", SECRET_KEY);
        env.put("TUNEFORGE_TRAINING_ACCOUNT_ORIGINS", SiblingServices.baseUrl("openai-simulator"));
        env.put("TUNEFORGE_TRAINING_SCHEDULER_INTERVAL", "200ms");
        env.put("TUNEFORGE_TRAINING_SCHEDULER_INITIAL_DELAY", "500ms");
        env.put("TUNEFORGE_TRAINING_SCHEDULER_BACKOFF", "200ms");
        env.put("TUNEFORGE_TRAINING_SCHEDULER_MAX_BACKOFF", "2s");
        // Longer than a provider call may take (the timeout below; a slowed creation takes 4 s), short enough that a
        // killed replica's jobs move on soon.
        env.put("TUNEFORGE_TRAINING_SCHEDULER_LEASE", "15s");
        env.put("TUNEFORGE_TRAINING_MONITORING_MIN_POLL_INTERVAL", "200ms");
        env.put("TUNEFORGE_TRAINING_MONITORING_MAX_POLL_INTERVAL", "1s");
        env.put("TUNEFORGE_TRAINING_MONITORING_PROGRESS_INTERVAL", "200ms");
        env.put("TUNEFORGE_TRAINING_PROVIDER_TIMEOUT", "8s");
        return SiblingServices.startInstance("training-service", name, env);
    }

    /** Points RestAssured's defaults (and so {@link TrainingFixtures}) at {@code instance}. */
    static void use(QuarkusServiceProcess instance) {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = instance.port();
    }

    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs a query on the shared database (tables in schema {@code training}). */
    static <T> T query(String sql, Rows<T> reader) {
        try (Connection c = DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"), database.get("quarkus.datasource.password"));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    static long count(String sql) {
        return query(sql, rows -> rows.next() ? rows.getLong(1) : 0L);
    }
}
