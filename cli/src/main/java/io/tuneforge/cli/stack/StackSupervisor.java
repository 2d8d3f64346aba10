package io.tuneforge.cli.stack;

import io.tuneforge.localinfra.KafkaBrokerProcess;
import io.tuneforge.localinfra.PostgresServer;
import io.tuneforge.localinfra.QuarkusServiceProcess;
import io.tuneforge.localinfra.StartupFailedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The background process `tuneforge up` starts: it owns PostgreSQL, Kafka, the simulator and every
 * service JVM, restarts a crashed service a bounded number of times, records everything in
 * stack.json, and on SIGTERM stops services, then Kafka, then PostgreSQL. Every child has an
 * orphan-guard watchdog, so none outlives this JVM even when it is killed with -9.
 *
 * <p>Run as {@code java -cp tuneforge-cli.jar io.tuneforge.cli.stack.StackSupervisor <project-root> <state-dir>}.
 */
public final class StackSupervisor {

    static final int MAX_RESTARTS = 2;
    /**
     * A service JVM not ready by then is hung (seen when its jar was rebuilt under it) and is killed
     * and restarted. Four services starting at once on 2 busy cores take 60-120 s.
     */
    static final Duration READY_LIMIT = Duration.ofSeconds(240);
    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(3);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final StackLayout layout;
    private final StackStateFile stateFile;
    private final HealthProbe probe = new HealthProbe();
    private final Map<String, QuarkusServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, ServiceDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, Instant> restartAt = new LinkedHashMap<>();
    private final Map<String, Instant> launchedAt = new LinkedHashMap<>();
    private final java.util.Set<String> killedAsHung = new java.util.HashSet<>();
    private final Object lifecycle = new Object();
    private Map<String, String> serviceEnvironment = Map.of();
    private ServiceKeys serviceKeys;
    private StackState state;
    private PostgresServer postgres;
    private KafkaBrokerProcess kafka;
    private volatile boolean stopping;

    StackSupervisor(StackLayout layout) {
        this.layout = layout;
        this.stateFile = new StackStateFile(layout.stateFile());
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StackSupervisor <project-root> <state-dir> (started by `tuneforge up`)");
            System.exit(1);
        }
        StackLayout layout = new StackLayout(Path.of(args[0]), Path.of(args[1]));
        Files.createDirectories(layout.logsDir());
        try (FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                log("another supervisor holds " + layout.lockFile() + "; this one exits");
                System.exit(3);
            }
            StackSupervisor supervisor = new StackSupervisor(layout);
            Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stopAll, "stack-shutdown"));
            supervisor.run();
        }
    }

    void run() throws InterruptedException {
        String apiKey = LocalApiKey.loadOrCreate(layout.apiKeyFile());
        boolean simulated = !ProviderChoice.realProviderConfigured(System.getenv());
        state = initialState(simulated);
        save();
        log("supervisor pid " + ProcessHandle.current().pid() + ", state " + layout.stateDir());
        Optional<String> conflict = takenPort();
        if (conflict.isPresent()) {
            fail(conflict.get());
            return;
        }
        try {
            startPostgres();
            startKafka();
        } catch (RuntimeException e) {
            fail(e.getMessage());
            return;
        }
        String openaiBaseUrl = simulated ? "http://127.0.0.1:" + ServiceCatalog.SIMULATOR.port() + "/v1" : null;
        serviceEnvironment = serviceEnvironment(apiKey, openaiBaseUrl);
        synchronized (lifecycle) {
            state = state.withEndpoints(kafka.bootstrapServers(), state.dbUrl(), openaiBaseUrl);
            if (simulated) {
                launch(ServiceCatalog.SIMULATOR, 0);
            }
            for (ServiceDefinition service : ServiceCatalog.SERVICES) {
                if (Files.exists(layout.quarkusJarOf(service.module()))) {
                    launch(service, 0);
                }
            }
            state = state.with(StackPhase.RUNNING, "all components launched");
            save();
        }
        watch();
    }

    private StackState initialState(boolean simulated) {
        List<ComponentStatus> components = new ArrayList<>();
        int pgPort = ServiceCatalog.postgresPort();
        components.add(new ComponentStatus(ServiceCatalog.POSTGRES, "infrastructure", null, pgPort,
                "jdbc:postgresql://localhost:" + pgPort + "/" + ServiceCatalog.DATABASE,
                layout.postgresDir().resolve("postgres.log").toString(), ComponentState.STARTING, null, 0, "postgres", null));
        int kafkaPort = ServiceCatalog.kafkaPort();
        components.add(new ComponentStatus(ServiceCatalog.KAFKA, "infrastructure", null, kafkaPort, "127.0.0.1:" + kafkaPort,
                layout.kafkaDir().resolve("broker.log").toString(), ComponentState.STARTING, null, 0,
                "io.tuneforge.kafkabroker.KafkaBrokerMain", null));
        List<ServiceDefinition> all = new ArrayList<>();
        all.add(ServiceCatalog.SIMULATOR);
        all.addAll(ServiceCatalog.SERVICES);
        for (ServiceDefinition service : all) {
            Path jar = layout.quarkusJarOf(service.module());
            String note = null;
            ComponentState initial = ComponentState.STARTING;
            if (service == ServiceCatalog.SIMULATOR && !simulated) {
                initial = ComponentState.SKIPPED;
                note = "OPENAI_API_KEY is set: the real provider is used";
            } else if (!Files.exists(jar)) {
                initial = ComponentState.SKIPPED;
                note = "not built: " + layout.projectRoot().relativize(jar) + " is missing";
            }
            definitions.put(service.name(), service);
            components.add(new ComponentStatus(service.name(), service == ServiceCatalog.SIMULATOR ? "simulator" : "service",
                    null, service.port(), "http://127.0.0.1:" + service.port(), layout.logOf(service.name()).toString(),
                    initial, null, 0, jar.toString(), note));
        }
        return new StackState(ProcessHandle.current().pid(), StackPhase.STARTING, "starting", Instant.now(), Instant.now(),
                "127.0.0.1:" + kafkaPort, components.get(0).url(), null, List.copyOf(components));
    }

    private Optional<String> takenPort() {
        for (ComponentStatus c : state.components()) {
            if (c.state() != ComponentState.SKIPPED && !PortAvailability.isFree(c.port())) {
                String variable = switch (c.name()) {
                    case ServiceCatalog.POSTGRES -> "TUNEFORGE_POSTGRES_PORT";
                    case ServiceCatalog.KAFKA -> "TUNEFORGE_KAFKA_PORT";
                    default -> definitions.get(c.name()).portVariable();
                };
                return Optional.of("port " + c.port() + " (for " + c.name() + ") is already in use by another process;"
                        + " find it with `ss -ltnp 'sport = :" + c.port() + "'` and stop it, or choose another port with "
                        + variable + "=<port> ./tuneforge up");
            }
        }
        return Optional.empty();
    }

    private void startPostgres() {
        ComponentStatus row = state.component(ServiceCatalog.POSTGRES).orElseThrow();
        postgres = PostgresServer.start(PostgresServer.defaultWorkDir(), layout.postgresDir(), row.port(), true);
        String dbUrl = postgres.createDatabaseIfMissing(ServiceCatalog.DATABASE);
        synchronized (lifecycle) {
            state = state.with(row.withProcess(postgres.pid(), ComponentState.UP, 0))
                    .withEndpoints(state.kafkaBootstrap(), dbUrl, null);
            save();
        }
        log("PostgreSQL up: " + dbUrl + " (pid " + postgres.pid() + ")");
    }

    private void startKafka() {
        ComponentStatus row = state.component(ServiceCatalog.KAFKA).orElseThrow();
        kafka = KafkaBrokerProcess.start(layout.kafkaDir(), row.port());
        synchronized (lifecycle) {
            state = state.with(row.withProcess(kafka.pid(), ComponentState.UP, 0));
            save();
        }
        log("Kafka up: " + kafka.bootstrapServers() + " (pid " + kafka.pid() + ")");
    }

    private Map<String, String> serviceEnvironment(String apiKey, String openaiBaseUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TUNEFORGE_DB_URL", state.dbUrl());
        env.put("TUNEFORGE_DB_USER", postgres.username());
        env.put("TUNEFORGE_DB_PASSWORD", postgres.password());
        env.put("TUNEFORGE_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("TUNEFORGE_TENANCY_API_KEYS", LocalApiKey.tenancyEntry(apiKey));
        serviceKeys = new ServiceKeys(definitions.keySet());
        env.put("TUNEFORGE_TENANCY_SERVICE_KEYS", serviceKeys.registry());
        // The developer on this machine is the operator: the local tenant may edit the model catalog.
        env.put("TUNEFORGE_COST_ADMIN_TENANTS", System.getenv().getOrDefault("TUNEFORGE_COST_ADMIN_TENANTS", LocalApiKey.TENANT));
        env.put("TUNEFORGE_SIMULATOR_DATA_DIR", layout.simulatorDir().toString());
        // Seals provider API keys in training-service's database: kept, or stored accounts become unreadable.
        env.put("TUNEFORGE_TRAINING_SECRET_KEY",
                StateSecret.loadOrCreate(layout.trainingSecretKeyFile(), StateSecret::aesKey));
        // Local only: nothing of the stack listens beyond this machine.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        for (ServiceDefinition service : definitions.values()) {
            env.put(service.portVariable(), Integer.toString(service.port()));
            // Services find each other the way scripts do (TUNEFORGE_DATASET_URL, TUNEFORGE_COST_URL ...).
            if (service.urlVariable() != null) {
                env.put(service.urlVariable(), "http://127.0.0.1:" + service.port());
            }
        }
        if (openaiBaseUrl != null) {
            // openai-java's fromEnv() reads these: services reach the simulator through the same code path.
            env.put("OPENAI_BASE_URL", openaiBaseUrl);
            env.put("OPENAI_API_KEY", "sk-tuneforge-local-simulator");
        }
        return Map.copyOf(env);
    }

    /** Called with the lifecycle lock held. */
    private void launch(ServiceDefinition service, int restarts) {
        ComponentStatus row = state.component(service.name()).orElseThrow();
        Path log = layout.logOf(service.name());
        try {
            appendMarker(log, restarts == 0 ? "starting" : "restart " + restarts + " of " + MAX_RESTARTS);
            Map<String, String> environment = new LinkedHashMap<>(serviceEnvironment);
            environment.put("TUNEFORGE_TENANCY_SERVICE_KEY", serviceKeys.keyOf(service.name()));
            QuarkusServiceProcess process = QuarkusServiceProcess.launch(service.name(),
                    layout.quarkusJarOf(service.module()), service.port(), environment, serviceJvmOptions(service), log);
            running.put(service.name(), process);
            launchedAt.put(service.name(), Instant.now());
            state = state.with(row.withProcess(process.pid(), ComponentState.STARTING, restarts));
            log(service.name() + " launched (pid " + process.pid() + ", port " + service.port() + ", log " + log + ")");
        } catch (IOException | StartupFailedException e) {
            state = state.with(row.withState(ComponentState.CRASHED, null, "could not launch: " + e.getMessage()));
        }
        save();
    }

    /** Small heaps and C1 only: four services, a broker and PostgreSQL share 2 cores and a laptop's memory. */
    private static List<String> serviceJvmOptions(ServiceDefinition service) {
        return List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=64m", "-Djava.awt.headless=true", "-Dtuneforge.component=" + service.name());
    }

    private void appendMarker(Path log, String what) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "---- tuneforge supervisor: " + what + " at " + Instant.now() + " ----\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The supervisor's life after startup: readiness, crashes, bounded restarts, until SIGTERM. */
    private void watch() throws InterruptedException {
        while (!stopping) {
            synchronized (lifecycle) {
                if (stopping) {
                    return;
                }
                for (ServiceDefinition service : definitions.values()) {
                    watchOne(service);
                }
                watchInfrastructure();
            }
            Thread.sleep(TICK.toMillis());
        }
    }

    private void watchOne(ServiceDefinition service) {
        ComponentStatus row = state.component(service.name()).orElseThrow();
        QuarkusServiceProcess process = running.get(service.name());
        if (process == null) {
            Instant due = restartAt.get(service.name());
            if (due != null && Instant.now().isAfter(due)) {
                restartAt.remove(service.name());
                launch(service, row.restarts() + 1);
            }
            return;
        }
        if (!process.isAlive()) {
            int exit = process.exitCode();
            process.release();
            running.remove(service.name());
            String why = killedAsHung.remove(service.name())
                    ? "not ready within " + READY_LIMIT.toSeconds() + " s, killed" : "exited with code " + exit;
            if (row.restarts() < MAX_RESTARTS) {
                restartAt.put(service.name(), Instant.now().plus(RESTART_BACKOFF));
                state = state.with(row.withState(ComponentState.RESTARTING, exit, why
                        + "; restarting (" + (row.restarts() + 1) + " of " + MAX_RESTARTS + ")"));
                log(service.name() + " " + why + "; restarting in " + RESTART_BACKOFF.toSeconds() + " s");
            } else {
                state = state.with(row.withState(ComponentState.CRASHED, exit, why
                        + " after " + MAX_RESTARTS + " restarts; see its log"));
                log(service.name() + " " + why + "; no restarts left");
            }
            save();
            return;
        }
        if (row.state() == ComponentState.STARTING
                && Instant.now().isAfter(launchedAt.get(service.name()).plus(READY_LIMIT))
                && killedAsHung.add(service.name())) {
            log(service.name() + " (pid " + process.pid() + ") is not ready after " + READY_LIMIT.toSeconds()
                    + " s; killing it. Its log: " + layout.logOf(service.name()));
            // A hung JVM will not honour SIGTERM in time; the next tick sees the exit and restarts it.
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            return;
        }
        if (row.state() == ComponentState.STARTING
                && probe.probe(row.url(), service) == HealthProbe.Health.UP) {
            state = state.with(row.withState(ComponentState.UP, null, null));
            save();
            log(service.name() + " ready at " + row.url());
        }
    }

    /** Kafka and PostgreSQL are not restarted: a service restart cannot fix lost infrastructure. */
    private void watchInfrastructure() {
        if (kafka != null && !kafka.isAlive()) {
            markCrashed(ServiceCatalog.KAFKA, "the broker JVM exited; see its log, then `./tuneforge down && ./tuneforge up`");
        }
        if (postgres != null && !ProcessHandle.of(postgres.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            markCrashed(ServiceCatalog.POSTGRES, "the postmaster exited; see its log, then `./tuneforge down && ./tuneforge up`");
        }
    }

    private void markCrashed(String name, String note) {
        ComponentStatus row = state.component(name).orElseThrow();
        if (row.state() != ComponentState.CRASHED) {
            state = state.with(row.withState(ComponentState.CRASHED, null, note));
            save();
            log(name + ": " + note);
        }
    }

    private void fail(String message) {
        log("startup failed: " + message);
        synchronized (lifecycle) {
            List<ComponentStatus> failed = state.components().stream()
                    .filter(c -> c.state() == ComponentState.STARTING)
                    .map(c -> c.withState(ComponentState.STOPPED, null, "not started: startup failed"))
                    .toList();
            for (ComponentStatus c : failed) {
                state = state.with(c);
            }
            state = state.with(StackPhase.FAILED, message);
            save();
        }
        // The shutdown hook stops whatever did start.
        System.exit(1);
    }

    /** Services first (they hold connections to both), then Kafka, then PostgreSQL. */
    void stopAll() {
        stopping = true;
        synchronized (lifecycle) {
            if (state == null) {
                return;
            }
            boolean failed = state.phase() == StackPhase.FAILED;
            if (!failed) {
                state = state.with(StackPhase.STOPPING, "stopping");
                save();
            }
            log("stopping " + running.keySet());
            List<Thread> stops = new ArrayList<>();
            for (QuarkusServiceProcess process : running.values()) {
                Thread stop = new Thread(process::close, "stop-" + process.name());
                stop.start();
                stops.add(stop);
            }
            for (Thread stop : stops) {
                try {
                    stop.join(Duration.ofSeconds(30).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            running.clear();
            log("services stopped");
            if (kafka != null) {
                kafka.close();
                log("Kafka stopped");
            }
            if (postgres != null) {
                postgres.close();
                log("PostgreSQL stopped");
            }
            for (ComponentStatus c : state.components()) {
                if (c.state() != ComponentState.SKIPPED && c.state() != ComponentState.CRASHED) {
                    state = state.with(c.withState(ComponentState.STOPPED, c.exitCode(), c.note()));
                }
            }
            if (!failed) {
                state = state.with(StackPhase.STOPPED, "stopped at " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
            }
            save();
            log("stopped");
        }
    }

    private void save() {
        try {
            stateFile.write(state);
        } catch (UncheckedIOException e) {
            log(e.getMessage());
        }
    }

    private static void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + message);
        System.out.flush();
    }
}
