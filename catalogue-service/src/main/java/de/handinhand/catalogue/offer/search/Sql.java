package de.handinhand.catalogue.offer.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /**
     * The statement with its parameters written in as SQL literals, for tools that take plain SQL
     * (the benchmark's pgbench scripts). Only for trusted, generated queries: strings are quoted by
     * doubling single quotes, with standard_conforming_strings on (PostgreSQL's default).
     */
    public String inlined() {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '?') {
                out.append(ch);
                continue;
            }
            Object value = parameters.get(next++);
            if (value == null) {
                out.append("null");
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof java.sql.Date || value instanceof java.sql.Timestamp) {
                out.append('\'').append(value).append("'::").append(value instanceof java.sql.Date ? "date" : "timestamp");
            } else {
                out.append('\'').append(value.toString().replace("'", "''")).append('\'');
            }
        }
        if (next != parameters.size()) {
            throw new IllegalStateException("SQL has " + next + " placeholders for " + parameters.size() + " parameters");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
