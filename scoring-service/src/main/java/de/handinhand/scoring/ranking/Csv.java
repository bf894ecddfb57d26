package de.handinhand.scoring.ranking;

import java.util.List;

/**
 * RFC 4180 CSV that is safe to open in a spreadsheet: a text cell starting with = + - @ (or a tab or
 * carriage return) is prefixed with ' so it cannot run as a formula (CSV injection). Numbers the
 * service formats itself are written as they are.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number || value instanceof Boolean ? value.toString() : safe(value.toString());
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    public static String safe(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
