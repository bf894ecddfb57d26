package de.handinhand.web.common;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a person typed into a form, kept as typed so a refused form comes back as they left it. */
public final class FormValues {

    private final Map<String, List<String>> values;

    public FormValues(Map<String, List<String>> values) {
        this.values = values;
    }

    public static FormValues of(MultivaluedMap<String, String> form) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        return new FormValues(copy);
    }

    public static FormValues empty() {
        return new FormValues(new LinkedHashMap<>());
    }

    /** The single value of a control, "" when none. */
    public String value(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }

    /** The value, stripped; null when blank. */
    public String text(String name) {
        String v = value(name).strip();
        return v.isEmpty() ? null : v;
    }

    public List<String> values(String name) {
        List<String> v = values.get(name);
        return v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    public boolean checked(String name, String value) {
        return values(name).contains(value);
    }

    public boolean on(String name) {
        return !value(name).isEmpty() && !value(name).equals("false");
    }

    public void set(String name, String value) {
        values.put(name, value == null ? List.of() : List.of(value));
    }

    public void setAll(String name, List<String> list) {
        values.put(name, list == null ? List.of() : List.copyOf(list));
    }

    public Map<String, List<String>> asMap() {
        return values;
    }
}
