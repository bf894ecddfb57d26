package de.handinhand.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.schema.ReplacedChecksums;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox and inbox tables moved from V1/V2 to common-messaging's {@code db/messaging}: a fresh
 * database gets them from there, and a database the old V1/V2 migrated (copies in
 * {@code db/before-issue-12}, as main had them) migrates on with the edited files, keeps its rows and
 * validates on the next start, with exactly the checksums application.properties declares.
 */
class MigrationsTest {

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
    void aFreshDatabaseGetsTheMessagingTablesFromCommonMessaging() throws SQLException {
        DataSource db = newDatabase();
        current(db).migrate();
        assertEquals(List.of("true", "true"), query(db, "select (to_regclass('outbox_event') is not null)::text"
                + " union all select (to_regclass('processed_event') is not null)::text"));
        assertEquals(List.of("R__outbox_inbox.sql"), query(db, "select script from flyway_schema_history"
                + " where version is null and success"));
    }

    @Test
    void aDatabaseOfTheOldMigrationsMigratesOnAndKeepsItsRows() throws SQLException {
        DataSource db = newDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/before-issue-12").load().migrate();
        execute(db, "insert into outbox_event (id, topic, aggregate_id, type, payload) values ('"
                + UUID.randomUUID() + "', 'catalogue-events', 'a', 'handinhand.offer.published', '{}')");
        execute(db, "insert into processed_event (consumer, event_id, type) values"
                + " ('catalogue.submission-events', 'e1', 'handinhand.submission.submitted')");

        current(db).migrate();

        assertEquals(List.of("1", "1"), query(db, "select count(*)::text from outbox_event"
                + " union all select count(*)::text from processed_event"));
        assertTrue(query(db, "select version from flyway_schema_history where success").contains("7"));
        current(db).validate();
    }

    /** The service's own Flyway setup: its locations and the declared replaced checksums. */
    private static Flyway current(DataSource db) {
        Properties config = new Properties();
        try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            config.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<ReplacedChecksums.Replaced> replaced = Arrays.stream(config.getProperty(ReplacedChecksums.PROPERTY).split(","))
                .map(String::strip).map(e -> new ReplacedChecksums.Replaced(e.substring(0, e.lastIndexOf(':')),
                        Integer.parseInt(e.substring(e.lastIndexOf(':') + 1)))).toList();
        String[] locations = Arrays.stream(config.getProperty("quarkus.flyway.locations").split(","))
                .map(l -> "classpath:" + l.strip()).toArray(String[]::new);
        return Flyway.configure().dataSource(db).locations(locations)
                .callbacks(new ReplacedChecksums(replaced)).load();
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
