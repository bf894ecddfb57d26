package de.handinhand.catalogue.offer.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** SQL text with its positional parameters, appended together so they cannot drift apart. */
public final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    public Sql(String start) {
        text.append(start);
    }

    public Sql append(String part, Object... values) {
        text.append(part);
        parameters.addAll(List.of(values));
        return this;
    }

    /** Appends another statement's text and parameters, as a subquery for instance. */
    public Sql append(Sql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    public PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement p = c.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            p.setObject(i + 1, parameters.get(i));
        }
        return p;
    }

    /** The positional parameters, in the order of their placeholders (null for SQL null). */
    public List<Object> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
