package de.handinhand.common.messaging.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.jboss.logging.Logger;

/**
 * Lets a database accept an applied migration whose file was edited on purpose once: when the
 * outbox and inbox DDL moved out of the services' V1/V2 into common-messaging's
 * {@code db/messaging}, those files changed, and Flyway would refuse every database migrated
 * before (checksum mismatch). Before Flyway validates, this callback rewrites the recorded checksum
 * of exactly the listed files, and only where the database holds the listed old checksum, to the
 * checksum of the file as it is now. Any other difference (an accidental edit, a different old
 * text) still fails validation, unlike {@code quarkus.flyway.repair-at-start}, which would accept
 * every edit and mark missing migrations deleted.
 * <p>
 * A service enables it with
 * <pre>
 * quarkus.flyway.callbacks=de.handinhand.common.messaging.schema.ReplacedChecksums
 * handinhand.flyway.replaced-checksums=db/migration/V1__calls_municipalities_submissions_outbox.sql:-1234567890
 * </pre>
 * the number being the checksum the old file had ({@link FlywayChecksum}, or
 * {@code select checksum from flyway_schema_history where version = '1'} on a database it migrated).
 */
public class ReplacedChecksums implements Callback {

    public static final String PROPERTY = "handinhand.flyway.replaced-checksums";
    private static final Logger LOG = Logger.getLogger(ReplacedChecksums.class);
    private static final Pattern VERSIONED = Pattern.compile("(?:.*/)?V([0-9][0-9_.]*)__[^/]+\\.sql");

    /** One edited migration: its classpath resource and the checksum it had when databases applied it. */
    public record Replaced(String resource, int oldChecksum) {

        static Replaced parse(String entry) {
            int colon = entry.lastIndexOf(':');
            if (colon < 1) {
                throw new FlywayException(PROPERTY + ": '" + entry + "' is not <resource>:<old checksum>");
            }
            try {
                return new Replaced(entry.substring(0, colon).strip().replaceFirst("^classpath:", ""),
                        Integer.parseInt(entry.substring(colon + 1).strip()));
            } catch (NumberFormatException e) {
                throw new FlywayException(PROPERTY + ": '" + entry + "' has no whole-number checksum");
            }
        }

        String version() {
            Matcher m = VERSIONED.matcher(resource);
            if (!m.matches()) {
                throw new FlywayException(PROPERTY + ": " + resource + " is not a versioned SQL migration (V<n>__<name>.sql)");
            }
            return m.group(1).replace('_', '.');
        }
    }

    /** Null: read {@value #PROPERTY} when Flyway runs (Quarkus may construct callbacks at build time). */
    private final List<Replaced> given;

    /** The form Flyway and Quarkus instantiate: the list comes from {@value #PROPERTY}. */
    public ReplacedChecksums() {
        this.given = null;
    }

    public ReplacedChecksums(List<Replaced> replaced) {
        this.given = List.copyOf(replaced);
    }

    private List<Replaced> replaced() {
        return given != null ? given : fromConfig();
    }

    private static List<Replaced> fromConfig() {
        List<Replaced> list = new ArrayList<>();
        ConfigProvider.getConfig().getOptionalValues(PROPERTY, String.class)
                .ifPresent(entries -> entries.stream().filter(e -> !e.isBlank()).map(Replaced::parse).forEach(list::add));
        return list;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return (event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE) && !replaced().isEmpty();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            realign(context.getConnection(), context.getConfiguration());
        } catch (SQLException e) {
            throw new FlywayException("Could not realign replaced migration checksums", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "handinhand-replaced-checksums";
    }

    void realign(Connection connection, Configuration configuration) throws SQLException {
        // Every listed file is read first, so a wrong entry fails on every start, fresh databases
        // (and so the tests) included, not only on the production database it was meant for.
        List<Replaced> replaced = replaced();
        int[] current = new int[replaced.size()];
        for (int i = 0; i < current.length; i++) {
            replaced.get(i).version();
            current[i] = currentChecksum(replaced.get(i).resource());
        }
        String table = historyTable(configuration);
        if (!exists(connection, table)) {
            return;
        }
        for (int i = 0; i < current.length; i++) {
            Replaced r = replaced.get(i);
            if (current[i] == r.oldChecksum()) {
                continue;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + table + " set checksum = ? where version = ? and checksum = ? and success")) {
                update.setInt(1, current[i]);
                update.setString(2, r.version());
                update.setInt(3, r.oldChecksum());
                if (update.executeUpdate() > 0) {
                    LOG.infof("Schema history: version %s (%s) was replaced on purpose; checksum %d is now %d",
                            r.version(), r.resource(), r.oldChecksum(), current[i]);
                }
            }
        }
    }

    private static int currentChecksum(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader == null ? ReplacedChecksums.class.getClassLoader() : loader)
                .getResourceAsStream(resource)) {
            if (in == null) {
                throw new FlywayException(PROPERTY + ": no migration " + resource + " on the classpath");
            }
            return FlywayChecksum.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String historyTable(Configuration configuration) {
        String schema = configuration.getDefaultSchema();
        if (schema == null && configuration.getSchemas().length > 0) {
            schema = configuration.getSchemas()[0];
        }
        String table = "\"" + configuration.getTable().replace("\"", "\"\"") + "\"";
        return schema == null ? table : "\"" + schema.replace("\"", "\"\"") + "\"." + table;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
