package de.handinhand.bench;

import de.handinhand.catalogue.offer.search.Sql;
import java.util.List;

/**
 * A statement of the catalogue's search with its parameters written in as SQL literals, for
 * pgbench, which takes plain SQL scripts. Only for the benchmark's own generated searches: strings
 * are quoted by doubling single quotes, with standard_conforming_strings on (PostgreSQL's default).
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    static String inline(Sql sql) {
        String text = sql.toString();
        List<Object> parameters = sql.parameters();
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
}
