package de.handinhand.catalogue.offer.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads published offers from PostgreSQL in the shape of {@link OfferRow}: all of them, or some by id. */
public final class OfferRows {

    private static final String SELECT = """
            select o.id, o.kreis_id, o.municipality,
                   (select string_agg(t.value, E'\\n') from jsonb_each_text(case when jsonb_typeof(o.title) = 'object'
                        then o.title else '{}'::jsonb end) t) as title,
                   o.provider,
                   (select string_agg(t.value, E'\\n') from jsonb_each_text(case when jsonb_typeof(o.description)
                        = 'object' then o.description else '{}'::jsonb end) t) as description,
                   o.fields, o.target_groups, o.languages, o.free, o.valid_from, o.valid_until,
                   (extract(epoch from o.updated_at) * 1000000)::bigint as updated_micros, o.title_sort,
                   array(select l.lat from offer_location l where l.offer_id = o.id order by l.seq) as lats,
                   array(select l.lon from offer_location l where l.offer_id = o.id order by l.seq) as lons
            from offer o where o.status = 'PUBLISHED'""";

    private OfferRows() {
    }

    /** Every published offer, streamed (the connection must not be in auto-commit for the fetch size to hold). */
    public static void all(Connection c, Consumer<OfferRow> sink) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(SELECT)) {
            p.setFetchSize(1000);
            read(p, sink);
        }
    }

    /** The published ones among these offers (the others are no longer, or never were, published). */
    public static void byIds(Connection c, Collection<UUID> ids, Consumer<OfferRow> sink) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(SELECT + " and o.id = any(?)")) {
            p.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            read(p, sink);
        }
    }

    private static void read(PreparedStatement p, Consumer<OfferRow> sink) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                LocalDate from = r.getObject("valid_from", LocalDate.class);
                LocalDate until = r.getObject("valid_until", LocalDate.class);
                long updated = r.getLong("updated_micros");
                if (r.wasNull()) {
                    updated = Long.MAX_VALUE;
                }
                sink.accept(new OfferRow(r.getObject("id", UUID.class), intern(r.getString("kreis_id")),
                        intern(r.getString("municipality")), r.getString("title"), r.getString("provider"),
                        r.getString("description"), strings(r.getArray("fields")),
                        strings(r.getArray("target_groups")), strings(r.getArray("languages")), r.getBoolean("free"),
                        from == null ? Integer.MIN_VALUE : (int) from.toEpochDay(),
                        until == null ? Integer.MAX_VALUE : (int) until.toEpochDay(), updated,
                        r.getString("title_sort"), doubles(r.getArray("lats")), doubles(r.getArray("lons"))));
            }
        }
    }

    /** Codes and town names repeat across offers: one copy each in the index's memory. */
    private static String[] strings(Array array) throws SQLException {
        if (array == null) {
            return new String[0];
        }
        String[] values = (String[]) array.getArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = intern(values[i]);
        }
        return values;
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    private static double[] doubles(Array array) throws SQLException {
        if (array == null) {
            return new double[0];
        }
        Object[] values = (Object[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).doubleValue();
        }
        return result;
    }
}
