package io.tuneforge.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tuneforge.localinfra.KafkaBrokerProcess;
import io.tuneforge.localinfra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker (its own JVM) and a real PostgreSQL, started once
 * per test JVM and shared by every test class that uses this resource; both stop when the JVM ends,
 * and never outlive it (local-infra's orphan guard). Test tenants and their keys come from
 * {@link TestTenants}.
 *
 * <p>Once per JVM means across Quarkus restarts too: a test class with its own {@code @TestProfile} or
 * {@code restrictToAnnotatedClass} resource boots a new application whose class loader has its own copy
 * of this class (and of its statics). So where the infrastructure is found is kept in JVM-wide system
 * properties, and starting it is guarded by a JVM-wide lock: a restarted application reuses the running
 * broker and database instead of starting a second pair (which cost a minute per restart, and whose
 * Kafka client, created in the restarted application's class loader, could fail to load).
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String BOOTSTRAP = "tuneforge.test.infra.bootstrap-servers";
    private static final String JDBC_URL = "tuneforge.test.infra.jdbc-url";
    private static final String DB_USER = "tuneforge.test.infra.db-user";
    private static final String DB_PASSWORD = "tuneforge.test.infra.db-password";
    private static final String ROOT = "tuneforge.test.infra.root";

    /**
     * The lock that makes "once per JVM" hold for every class loader's copy of this class: a string
     * literal is interned, the same object in every class loader.
     */
    private static final Object JVM_WIDE_LOCK = "io.tuneforge.testsupport.PlatformTestResource.infrastructure";

    /** The running broker's bootstrap servers, for test clients. */
    public static String bootstrapServers() {
        return fact(BOOTSTRAP);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", fact(BOOTSTRAP));
        config.put("quarkus.datasource.jdbc.url", fact(JDBC_URL));
        config.put("quarkus.datasource.username", fact(DB_USER));
        config.put("quarkus.datasource.password", fact(DB_PASSWORD));
        config.put("tuneforge.tenancy.api-keys", TestTenants.apiKeysConfig());
        config.put("tuneforge.tenancy.service-keys", TestTenants.serviceKeysConfig());
        config.put("tuneforge.tenancy.service-key", TestTenants.SERVICE_KEY);
        return config;
    }

    /**
     * The environment another tuneforge service needs to join this test's broker, database and
     * tenants (see {@link SiblingServices}).
     */
    static Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("TUNEFORGE_KAFKA_BOOTSTRAP", fact(BOOTSTRAP));
        env.put("TUNEFORGE_DB_URL", fact(JDBC_URL));
        env.put("TUNEFORGE_DB_USER", fact(DB_USER));
        env.put("TUNEFORGE_DB_PASSWORD", fact(DB_PASSWORD));
        env.put("TUNEFORGE_TENANCY_API_KEYS", TestTenants.apiKeysConfig());
        env.put("TUNEFORGE_TENANCY_SERVICE_KEYS", TestTenants.serviceKeysConfig());
        env.put("TUNEFORGE_TENANCY_SERVICE_KEY", TestTenants.SERVICE_KEY);
        return env;
    }

    static Path root() {
        return Paths.get(fact(ROOT));
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM: stopped by the shutdown hook, not per class.
    }

    /** One fact about the running infrastructure, which is started first if this JVM has none yet. */
    private static String fact(String name) {
        String value = System.getProperty(name);
        if (value != null) {
            return value;
        }
        synchronized (JVM_WIDE_LOCK) {
            if (System.getProperty(ROOT) == null) {
                startInfrastructure();
            }
        }
        return System.getProperty(name);
    }

    /** Starts PostgreSQL and the broker side by side (each mostly waits for its own process), then publishes where they are. */
    private static void startInfrastructure() {
        Path root;
        try {
            root = Files.createTempDirectory("tuneforge-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for the test broker and database", e);
        }
        CompletableFuture<KafkaBrokerProcess> starting = CompletableFuture.supplyAsync(() -> KafkaBrokerProcess.start(root.resolve("kafka"), 0),
                task -> new Thread(task, "tuneforge-test-broker-start").start());
        PostgresServer postgres;
        try {
            postgres = PostgresServer.start(PostgresServer.defaultWorkDir(), root.resolve("pg"), 0, false);
        } catch (RuntimeException e) {
            starting.thenAccept(KafkaBrokerProcess::close);
            throw e;
        }
        KafkaBrokerProcess broker;
        try {
            broker = starting.join();
        } catch (CompletionException e) {
            postgres.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } finally {
                postgres.close();
            }
        }, "tuneforge-test-infra-stop"));
        System.setProperty(BOOTSTRAP, broker.bootstrapServers());
        System.setProperty(JDBC_URL, postgres.jdbcUrl());
        System.setProperty(DB_USER, postgres.username());
        System.setProperty(DB_PASSWORD, postgres.password());
        // Last: its presence means every other fact is there.
        System.setProperty(ROOT, root.toString());
    }
}
