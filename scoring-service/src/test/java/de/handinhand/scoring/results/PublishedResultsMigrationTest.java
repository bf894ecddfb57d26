package de.handinhand.scoring.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V5 moves the published results out of the outbox: a database whose calls were published before
 * gets each call's results copied from its event's outbox row; a fresh database, which has no
 * outbox table before db/messaging runs, migrates too.
 */
class PublishedResultsMigrationTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void resultsPublishedBeforeAreCopiedFromTheirOutboxRow() throws Exception {
        DataSource db = newDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("4").load().migrate();
        // The outbox as the old V2 created it (the same table db/messaging now creates).
        execute(db, resource("db/messaging/R__outbox_inbox.sql"));
        UUID call = UUID.randomUUID();
        UUID unpublished = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Map<String, Object> data = Map.of("callId", call.toString(), "winnersPerCategory", 1, "categories",
                List.of(Map.of("category", "LANDKREIS", "entries", List.of())));
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, eventId.toString(), "/handinhand/scoring-service",
                "handinhand.results.published", call.toString(), Instant.now(), "application/json", null, null,
                CloudEventCodec.toTree(data));
        update(db, "insert into outbox_event (id, topic, aggregate_id, type, payload, published_at) "
                + "values (?, 'scoring-events', ?, 'handinhand.results.published', ?, now())",
                eventId, call.toString(), CloudEventCodec.write(event));
        update(db, "insert into jury_call (call_id, results_published_at, results_event_id, updated_at) "
                + "values (?, now(), ?, now())", call, eventId);
        update(db, "insert into jury_call (call_id, updated_at) values (?, now())", unpublished);

        migrateAll(db);

        JsonNode copied = CloudEventCodec.mapper().readTree(
                query(db, "select results::text from jury_call where call_id = ?", call));
        assertEquals(CloudEventCodec.toTree(data), copied);
        assertEquals(null, query(db, "select results::text from jury_call where call_id = ?", unpublished));
    }

    @Test
    void aFreshDatabaseMigratesWithoutAnOutboxBeforeDbMessaging() throws Exception {
        DataSource db = newDatabase();
        migrateAll(db);
        assertEquals("true", query(db, "select (to_regclass('outbox_event') is not null)::text"));
        assertEquals("jsonb", query(db, "select data_type from information_schema.columns "
                + "where table_name = 'jury_call' and column_name = 'results'"));
    }

    private static void migrateAll(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/messaging").load().migrate();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PublishedResultsMigrationTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static DataSource newDatabase() throws SQLException {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        execute(postgres.getPostgresDatabase(), "create database " + name);
        return postgres.getDatabase("postgres", name);
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void update(DataSource db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static String query(DataSource db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
