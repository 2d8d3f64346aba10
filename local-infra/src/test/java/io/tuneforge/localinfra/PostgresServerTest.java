package io.tuneforge.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void startsARealPostgresql18AndAnswersQueries() throws Exception {
        long begin = System.nanoTime();
        PostgresServer postgres = PostgresServer.start(PostgresServer.defaultWorkDir(), dataDir, 0, false);
        StartupTimes.report("postgres accepts queries (fresh cluster, initdb)", begin);
        try {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("show server_version_num")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isBetween(180000, 189999);
            }
            String url = postgres.createDatabaseIfMissing("tuneforge");
            assertThat(postgres.createDatabaseIfMissing("tuneforge")).isEqualTo(url);
            try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
                assertThat(connection.getCatalog()).isEqualTo("tuneforge");
            }
        } finally {
            long stopping = System.nanoTime();
            postgres.close();
            StartupTimes.report("postgres stop (and cluster deletion)", stopping);
        }
        assertThat(dataDir.resolve("cluster")).doesNotExist();
    }

    @Test
    void keepsItsDataAcrossARestartWithKeepData() throws Exception {
        long pid;
        try (PostgresServer postgres = PostgresServer.start(PostgresServer.defaultWorkDir(), dataDir, 0, true)) {
            pid = postgres.pid();
            execute(postgres, "create table budget (team text primary key, limit_usd int)",
                    "insert into budget values ('search', 1200)");
        }
        assertThat(ProcessExit.await(pid, java.time.Duration.ofSeconds(5))).as("postmaster %d gone", pid).isTrue();

        long begin = System.nanoTime();
        try (PostgresServer postgres = PostgresServer.start(PostgresServer.defaultWorkDir(), dataDir, 0, true)) {
            StartupTimes.report("postgres accepts queries (restart, cluster kept)", begin);
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select limit_usd from budget where team = 'search'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(1200);
            }
        }
        assertThat(dataDir.resolve("cluster").resolve("PG_VERSION")).exists();
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectoryAndNamesTheLog() {
        try (PostgresServer running = PostgresServer.start(PostgresServer.defaultWorkDir(), dataDir, 0, true)) {
            assertThatThrownBy(() -> PostgresServer.start(PostgresServer.defaultWorkDir(), dataDir, 0, true))
                    .isInstanceOf(StartupFailedException.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining("pid " + running.pid())
                    .hasMessageContaining(running.logFile().toString());
        }
    }

    private static void execute(PostgresServer postgres, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
