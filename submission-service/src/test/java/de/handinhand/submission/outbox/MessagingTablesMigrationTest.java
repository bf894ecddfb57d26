package de.handinhand.submission.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.schema.ReplacedChecksums;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox and inbox tables moved from this service's V1 and V5 into common-messaging's
 * {@code db/messaging}. A database the old files migrated (their copies as main had them are in
 * {@code db/before-common-messaging}) must start with the new set: the checksums the service
 * declares in {@code handinhand.flyway.replaced-checksums} are exactly the old files', the rows stay,
 * and without the declaration Flyway refuses. A fresh database gets the same tables.
 */
class MessagingTablesMigrationTest {

    private static final String V1 = "V1__calls_municipalities_submissions_outbox.sql";
    private static final String V5 = "V5__jury_readers_corrections.sql";

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
    void aDatabaseTheOldFilesMigratedStartsWithTheNewOnesAndKeepsItsRows() throws Exception {
        DataSource db = newDatabase();
        Flyway.configure().dataSource(db).locations("filesystem:" + oldMigrations()).load().migrate();
        execute(db, "insert into outbox_event (id, topic, aggregate_id, type, payload) values ('"
                + UUID.randomUUID() + "', 'submission-events', 'a', 'x', '{}')");
        execute(db, "insert into processed_event (consumer, event_id, type) values ('submission.scoring-events', "
                + "'e1', 'x')");

        current(db, new ReplacedChecksums(declared())).migrate();

        assertEquals(List.of("1"), query(db, "select count(*)::text from outbox_event"));
        assertEquals(List.of("1"), query(db, "select count(*)::text from processed_event"));
        assertTrue(exists(db, "outbox_event_published"), "the purge's index reaches old databases too");
        current(db, new ReplacedChecksums(declared())).validate();
    }

    @Test
    void withoutTheDeclarationFlywayRefusesSuchADatabase() throws Exception {
        DataSource db = newDatabase();
        Flyway.configure().dataSource(db).locations("filesystem:" + oldMigrations()).load().migrate();
        FlywayException refused = assertThrows(FlywayException.class, () -> current(db).migrate());
        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
    }

    @Test
    void aFreshDatabaseGetsTheTablesFromCommonMessaging() throws SQLException {
        DataSource db = newDatabase();
        current(db, new ReplacedChecksums(declared())).migrate();
        assertTrue(exists(db, "outbox_event") && exists(db, "processed_event") && exists(db, "entry_reader"));
    }

    /** What application.properties declares, read as the callback reads it at start-up. */
    private static List<ReplacedChecksums.Replaced> declared() {
        Properties properties = new Properties();
        try (InputStream in = resource("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ReplacedChecksums.Replaced> replaced = new ArrayList<>();
        for (String entry : properties.getProperty(ReplacedChecksums.PROPERTY).split(",")) {
            int colon = entry.lastIndexOf(':');
            replaced.add(new ReplacedChecksums.Replaced(entry.substring(0, colon).strip(),
                    Integer.parseInt(entry.substring(colon + 1).strip())));
        }
        assertEquals(List.of("db/migration/" + V1, "db/migration/" + V5),
                replaced.stream().map(ReplacedChecksums.Replaced::resource).toList());
        return replaced;
    }

    private static Flyway current(DataSource db, Callback... callbacks) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/messaging")
                .callbacks(callbacks).load();
    }

    /** The migrations as main had them before: the old V1 and V5, and V2 to V4, which did not change. */
    private static Path oldMigrations() throws IOException {
        Path dir = Files.createTempDirectory("old-migrations");
        for (String name : List.of(V1, V5)) {
            copy("db/before-common-messaging/" + name, dir.resolve(name));
        }
        for (String name : List.of("V2__lifecycle_import_attachments.sql", "V3__attachment_removed_at.sql",
                "V4__submission_derived_fields.sql")) {
            copy("db/migration/" + name, dir.resolve(name));
        }
        assertEquals(5, Arrays.stream(dir.toFile().list()).count());
        return dir;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = resource(resource)) {
            Files.copy(in, target);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MessagingTablesMigrationTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("no " + name + " on the classpath");
        }
        return in;
    }

    private static DataSource newDatabase() throws SQLException {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        execute(postgres.getPostgresDatabase(), "create database " + name);
        return postgres.getDatabase("postgres", name);
    }

    private static boolean exists(DataSource db, String relation) throws SQLException {
        return query(db, "select (to_regclass('" + relation + "') is not null)::text").equals(List.of("true"));
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
