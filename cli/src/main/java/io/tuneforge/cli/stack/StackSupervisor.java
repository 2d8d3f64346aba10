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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The background process `tuneforge up` starts: it owns PostgreSQL, Kafka, the simulator and every
 * service JVM, starts any of them again when it dies ({@link RestartPolicy}), records everything in
 * stack.json, and on SIGTERM stops services, then Kafka, then PostgreSQL. Every child has an
 * orphan-guard watchdog, so none outlives this JVM even when it is killed with -9.
 *
 * <p>Its watch loop survives any exception of one round (logged, next round a second later); an
 * {@link Error} (out of memory, say) ends the process with exit code 2, whose shutdown hook stops
 * the children, rather than leaving a supervisor that watches nothing.
 *
 * <p>Run as {@code java -cp tuneforge-cli.jar io.tuneforge.cli.stack.StackSupervisor <project-root> <state-dir>}.
 */
public final class StackSupervisor {

    /**
     * A service JVM not ready by then is hung (seen when its jar was rebuilt under it) and is killed
     * and restarted. Four services starting at once on 2 busy cores take 60-120 s.
     */
    static final Duration READY_LIMIT = Duration.ofSeconds(240);
    private static final Duration TICK = Duration.ofSeconds(1);
    /** Exit code when an Error ended the supervisor. */
    static final int EXIT_ON_ERROR = 2;

    private final StackLayout layout;
    private final StackStateFile stateFile;
    private final HealthProbe probe = new HealthProbe();
    private final Map<String, QuarkusServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, ServiceDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, Instant> restartAt = new LinkedHashMap<>();
    private final Map<String, Instant> launchedAt = new LinkedHashMap<>();
    private final java.util.Set<String> killedAsHung = new java.util.HashSet<>();
    private final Map<String, RestartPolicy.Life> lives = new LinkedHashMap<>();
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
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                log("thread " + thread.getName() + " died: " + e + "; the supervisor exits (its children are stopped)");
                System.exit(EXIT_ON_ERROR);
            });
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
        } catch (RuntimeException | Error e) {
            // An Error too: the user needs the reason in stack.json, not only a trace in the log.
            fail(e instanceof Error ? e.toString() : e.getMessage());
            return;
        }
        String openaiBaseUrl = simulated ? "http://127.0.0.1:" + ServiceCatalog.SIMULATOR.port() + "/v1" : null;
        serviceEnvironment = serviceEnvironment(apiKey, openaiBaseUrl);
        synchronized (lifecycle) {
            state = state.withEndpoints(kafka.bootstrapServers(), state.dbUrl(), openaiBaseUrl);
            if (simulated && Files.exists(layout.quarkusJarOf(ServiceCatalog.SIMULATOR.module()))) {
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
            row = state.component(ServiceCatalog.POSTGRES).orElseThrow();
            state = state.with(row.withProcess(postgres.pid(), ComponentState.UP, row.restarts()).withState(ComponentState.UP, null, null))
                    .withEndpoints(state.kafkaBootstrap(), dbUrl, state.openaiBaseUrl());
            life(ServiceCatalog.POSTGRES).ready(Instant.now());
            save();
        }
        log("PostgreSQL up: " + dbUrl + " (pid " + postgres.pid() + ")");
    }

    private void startKafka() {
        ComponentStatus row = state.component(ServiceCatalog.KAFKA).orElseThrow();
        kafka = KafkaBrokerProcess.start(layout.kafkaDir(), row.port());
        synchronized (lifecycle) {
            row = state.component(ServiceCatalog.KAFKA).orElseThrow();
            state = state.with(row.withProcess(kafka.pid(), ComponentState.UP, row.restarts()).withState(ComponentState.UP, null, null));
            life(ServiceCatalog.KAFKA).ready(Instant.now());
            save();
        }
        log("Kafka up: " + kafka.bootstrapServers() + " (pid " + kafka.pid() + ")");
    }

    private RestartPolicy.Life life(String component) {
        return lives.computeIfAbsent(component, name -> new RestartPolicy.Life());
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
        // For the same reason the local tenant may call any base model on the operator's fallback connection
        // (the simulator, or the OPENAI_* pair given): the gateway grants it to nobody by default.
        String fallbackGrant = "TUNEFORGE_GATEWAY_FALLBACK_GRANTS_" + LocalApiKey.TENANT.toUpperCase(Locale.ROOT);
        env.put(fallbackGrant, System.getenv().getOrDefault(fallbackGrant, "*"));
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
            appendMarker(log, restarts == 0 ? "starting" : "restart " + restarts);
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

    /**
     * Small heaps and C1 only: the services, a broker and PostgreSQL share 2 cores and a laptop's memory.
     * The heap is the service's default unless its TUNEFORGE_<NAME>_HEAP variable says otherwise.
     */
    private static List<String> serviceJvmOptions(ServiceDefinition service) {
        return List.of("-Xms32m", "-Xmx" + service.heap(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dtuneforge.component=" + service.name());
    }

    private void appendMarker(Path log, String what) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "---- tuneforge supervisor: " + what + " at " + Instant.now() + " ----\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The supervisor's life after startup: readiness, deaths, restarts, until SIGTERM. The round runs
     * under the lock; an Error's exit happens outside it, since the shutdown hook needs the lock.
     */
    private void watch() throws InterruptedException {
        WatchLoop.run(() -> stopping, () -> {
            synchronized (lifecycle) {
                if (!stopping) {
                    watchRound();
                }
            }
        }, TICK, StackSupervisor::log, System::exit);
    }

    /** One round of watching; called with the lifecycle lock held. */
    private void watchRound() {
        for (ServiceDefinition service : definitions.values()) {
            watchOne(service);
        }
        watchInfrastructure();
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
            scheduleRestart(service.name(), exit, why);
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
            life(service.name()).ready(Instant.now());
            save();
            log(service.name() + " ready at " + row.url());
        }
    }

    /** A dead child: start it again after the policy's delay, or give it up (crashed) with a line saying so. */
    private void scheduleRestart(String name, Integer exit, String why) {
        ComponentStatus row = state.component(name).orElseThrow();
        Optional<Duration> delay = life(name).died(Instant.now());
        if (delay.isPresent()) {
            restartAt.put(name, Instant.now().plus(delay.get()));
            state = state.with(row.withState(ComponentState.RESTARTING, exit, why + "; restarting in "
                    + delay.get().toSeconds() + " s (restart " + (row.restarts() + 1) + ")"));
            log(name + " " + why + "; restarting in " + delay.get().toSeconds() + " s");
        } else {
            state = state.with(row.withState(ComponentState.CRASHED, exit, why + "; it did not get ready in "
                    + RestartPolicy.MAX_FAILED_STARTS + " starts in a row, so it is not started again; see its log, fix"
                    + " the cause, then `./tuneforge down && ./tuneforge up`"));
            log(name + " " + why + "; gave up after " + RestartPolicy.MAX_FAILED_STARTS + " failed starts in a row");
        }
        save();
    }

    /**
     * A dead broker or postmaster is started again like a service (same port, same data), so the
     * services' clients reconnect by themselves. Its start blocks this round (a few seconds).
     */
    private void watchInfrastructure() {
        if (kafka != null && !kafka.isAlive()) {
            long pid = kafka.pid();
            kafka.close();
            kafka = null;
            scheduleRestart(ServiceCatalog.KAFKA, null, "the broker JVM (pid " + pid + ") exited");
        }
        if (postgres != null && !ProcessHandle.of(postgres.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            long pid = postgres.pid();
            postgres.close();
            postgres = null;
            scheduleRestart(ServiceCatalog.POSTGRES, null, "the postmaster (pid " + pid + ") exited");
        }
        restartInfrastructureWhenDue(ServiceCatalog.POSTGRES, () -> startPostgres());
        restartInfrastructureWhenDue(ServiceCatalog.KAFKA, () -> startKafka());
    }

    private void restartInfrastructureWhenDue(String name, Runnable start) {
        Instant due = restartAt.get(name);
        if (due == null || Instant.now().isBefore(due)) {
            return;
        }
        restartAt.remove(name);
        ComponentStatus row = state.component(name).orElseThrow();
        state = state.with(row.withProcess(null, ComponentState.STARTING, row.restarts() + 1));
        save();
        log("starting " + name + " again (restart " + (row.restarts() + 1) + ")");
        try {
            start.run();
        } catch (RuntimeException e) {
            scheduleRestart(name, null, "could not start: " + e.getMessage());
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
