package de.handinhand.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stack's PostgreSQL: the zonky binaries from Maven Central, data in {@code <data>/postgres}
 * (initialised once, reused by later runs), one database and one login role per owner so that no
 * service can read another's tables.
 */
final class PostgresServer implements AutoCloseable {

    /** Owners of a database each: the three services and Keycloak. */
    static final List<String> DATABASES = List.of("submission", "scoring", "catalogue", "keycloak");

    private final StackConfig config;
    private EmbeddedPostgres postgres;
    private volatile boolean paused;

    PostgresServer(StackConfig config) {
        this.config = config;
    }

    void start() throws IOException, SQLException {
        Path data = config.dataDir().resolve("postgres");
        Files.createDirectories(data.getParent());
        Path log = config.logDir().resolve("postgres.log");
        Files.createDirectories(log.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(config.postgresPort())
                .setDataDirectory(data.toFile())
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB");
        // zonky starts postgres with -F (fsync off) and synchronous_commit=off; data kept between runs
        // gets both back on (a later -c wins). Throw-away test stacks keep the faster setting.
        builder.setServerConfig("fsync", config.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", config.durable() ? "on" : "off");
        postgres = builder.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (String owner : DATABASES) {
                createIfMissing(c, owner);
            }
        }
    }

    private static void createIfMissing(Connection c, String owner) throws SQLException {
        if (!exists(c, "select 1 from pg_roles where rolname = ?", owner)) {
            try (Statement s = c.createStatement()) {
                // Local demo credentials: name = password. The embedded server only listens on localhost.
                s.execute("create role " + owner + " login password '" + owner + "'");
            }
        }
        if (!exists(c, "select 1 from pg_database where datname = ?", owner)) {
            try (Statement s = c.createStatement()) {
                s.execute("create database " + owner + " owner " + owner);
                s.execute("revoke all on database " + owner + " from public");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * SIGSTOP to the postmaster alone: the connections already open keep working (each is served by
     * its own backend process), a new one gets no answer until {@link #acceptConnections()}.
     */
    void refuseNewConnections() throws IOException, InterruptedException {
        signalPostmaster("STOP");
        paused = true;
    }

    void acceptConnections() throws IOException, InterruptedException {
        signalPostmaster("CONT");
        paused = false;
    }

    private void signalPostmaster(String signal) throws IOException, InterruptedException {
        // The first line of postmaster.pid is the postmaster's process id.
        String pid = Files.readAllLines(config.dataDir().resolve("postgres").resolve("postmaster.pid")).get(0).trim();
        Process kill = new ProcessBuilder("kill", "-" + signal, pid).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + config.postgresPort() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        if (paused) {
            try {
                acceptConnections();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
