package de.handinhand.common.messaging.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration path of the outbox and inbox DDL: a fresh database gets the tables only from
 * {@code db/messaging}; a database migrated by the old code (whose V1 created them) still
 * migrates with the edited V1, keeps its rows and goes on with later versions; and only the
 * declared edit is accepted.
 */
class ReplacedChecksumsTest {

    private static final String LEGACY_V1 = "db/legacy/V1__service_schema.sql";
    private static final String ADOPTED_V1 = "db/adopted/V1__service_schema.sql";

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
    void aFreshDatabaseGetsTheMessagingTablesFromCommonMessagingOnly() throws SQLException {
        DataSource db = newDatabase();
        adopted(db, List.of()).migrate();
        assertTrue(exists(db, "outbox_event") && exists(db, "processed_event") && exists(db, "entry"));
        assertEquals(List.of("1", "2", "null:outbox inbox"), history(db));
    }

    @Test
    void aDatabaseMigratedByTheOldCodeMigratesAndKeepsItsRows() throws SQLException {
        DataSource db = newDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/legacy").load().migrate();
        execute(db, "insert into outbox_event (id, topic, aggregate_id, type, payload) values ('"
                + UUID.randomUUID() + "', 't', 'a', 'x', '{}')");
        execute(db, "insert into processed_event (consumer, event_id, type) values ('c', 'e1', 'x')");

        adopted(db, List.of(new ReplacedChecksums(List.of(
                new ReplacedChecksums.Replaced(ADOPTED_V1, checksum(LEGACY_V1)))))).migrate();

        assertEquals(List.of("1", "2", "null:outbox inbox"), history(db));
        assertEquals(List.of("1"), query(db, "select count(*)::text from outbox_event"));
        assertEquals(List.of("1"), query(db, "select count(*)::text from processed_event"));
        assertEquals(List.of(Integer.toString(checksum(ADOPTED_V1))),
                query(db, "select checksum::text from flyway_schema_history where version = '1'"));
        assertTrue(exists(db, "outbox_event_published"), "the purge's index is added to old databases too");
        // And it stays valid: the next start validates and migrates nothing.
        adopted(db, List.of(new ReplacedChecksums(List.of(
                new ReplacedChecksums.Replaced(ADOPTED_V1, checksum(LEGACY_V1)))))).validate();
    }

    @Test
    void withoutTheDeclaredEditFlywayRefusesTheOldDatabase() throws SQLException {
        DataSource db = newDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/legacy").load().migrate();
        FlywayException refused = assertThrows(FlywayException.class, () -> adopted(db, List.of()).migrate());
        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
    }

    @Test
    void anEditOtherThanTheDeclaredOneIsStillRefused() throws SQLException {
        DataSource db = newDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/legacy").load().migrate();
        Callback wrongOldText = new ReplacedChecksums(List.of(
                new ReplacedChecksums.Replaced(ADOPTED_V1, checksum(LEGACY_V1) + 1)));
        FlywayException refused = assertThrows(FlywayException.class,
                () -> adopted(db, List.of(wrongOldText)).migrate());
        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
    }

    @Test
    void theChecksumIsTheOneFlywayRecords() throws SQLException {
        DataSource db = newDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/legacy").load().migrate();
        assertEquals(List.of(Integer.toString(checksum(LEGACY_V1))),
                query(db, "select checksum::text from flyway_schema_history where version = '1'"));
    }

    @Test
    void aMalformedDeclarationFailsLoudly() {
        assertThrows(FlywayException.class, () -> ReplacedChecksums.Replaced.parse("db/migration/V1__x.sql"));
        assertThrows(FlywayException.class, () -> ReplacedChecksums.Replaced.parse("db/migration/V1__x.sql:abc"));
        assertThrows(FlywayException.class, () -> ReplacedChecksums.Replaced.parse("db/migration/R__x.sql:1").version());
        assertEquals("1.2", ReplacedChecksums.Replaced.parse("classpath:db/migration/V1_2__x.sql:-5").version());
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Flyway adopted(DataSource db, List<Callback> callbacks) {
        return Flyway.configure().dataSource(db).locations("classpath:db/adopted", "classpath:db/messaging")
                .callbacks(callbacks.toArray(Callback[]::new)).load();
    }

    private static int checksum(String resource) {
        try (InputStream in = ReplacedChecksumsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return FlywayChecksum.of(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource newDatabase() throws SQLException {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        execute(postgres.getPostgresDatabase(), "create database " + name);
        return postgres.getDatabase("postgres", name);
    }

    private static boolean exists(DataSource db, String relation) throws SQLException {
        return query(db, "select (to_regclass('" + relation + "') is not null)::text").equals(List.of("true"));
    }

    private static List<String> history(DataSource db) throws SQLException {
        return query(db, "select coalesce(version, 'null:' || description) from flyway_schema_history"
                + " where success order by installed_rank");
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(DataSource db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
