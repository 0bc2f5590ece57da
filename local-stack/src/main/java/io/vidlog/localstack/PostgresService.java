package io.vidlog.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** PostgreSQL 17 from the zonky binaries jar; its data folder survives restarts. */
final class PostgresService implements LocalService {

    static final String DATABASE = "vidlog";
    private static final int DEFAULT_PORT = 15432;

    private final LocalStackSettings settings;
    private final int port;
    private EmbeddedPostgres postgres;

    PostgresService(LocalStackSettings settings) {
        this.settings = settings;
        this.port = settings.port(name(), DEFAULT_PORT);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void start() throws IOException, SQLException {
        Path serviceDir = settings.dataOf(name());
        // initdb wants a folder of its own: the log stays beside it.
        Path dataDir = serviceDir.resolve("pgdata");
        Path logFile = serviceDir.resolve("postgres.log");
        Files.createDirectories(serviceDir);
        // postmaster.pid names the server of an earlier start that was killed before it could stop PostgreSQL.
        ChildProcess.endLeftover(name(), dataDir.resolve("postmaster.pid"), dataDir);
        Path binaries = settings.dist().resolve("postgres");
        Files.createDirectories(binaries);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // The embedding library defaults to test settings (fsync and synchronous commit off): the event
                // store must survive a crash or power loss, so every commit is on disk before it is acknowledged.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(settings.startTimeout())
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        createDatabaseIfAbsent();
    }

    private void createDatabaseIfAbsent() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!rows.next()) {
                    create.execute("create database " + DATABASE);
                }
            }
        }
    }

    @Override
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
