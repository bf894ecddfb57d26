package de.handinhand.web.common;

import de.handinhand.web.api.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The API's problem+json shown on a form: each error next to the control it names (the input's
 * id, linked with aria-describedby and aria-invalid), all of them in a summary at the top that
 * links to each control, and what names no control of the form in the summary only.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(null, Map.of(), List.of());

    private final String summary;
    private final Map<String, String> byControl;
    private final List<Item> items;

    public record Item(String href, String text) {
    }

    private FormErrors(String summary, Map<String, String> byControl, List<Item> items) {
        this.summary = summary;
        this.byControl = byControl;
        this.items = items;
    }

    public static FormErrors none() {
        return NONE;
    }

    /** One error of the page's own (e.g. a number that is no number) before the API is asked. */
    public static FormErrors local(String control, String message) {
        return new FormErrors(null, Map.of(control, message), List.of(new Item("#" + id(control), message)));
    }

    /**
     * {@code controls}: the names of this form's controls; an API field maps to the longest
     * control name it starts with ({@code fields[2]} → {@code fields}, {@code locations[0].lat} →
     * itself), or through {@code alias} ({@code costCents} → {@code cost}).
     */
    public static FormErrors of(ApiProblem problem, Set<String> controls, Function<String, String> alias) {
        Map<String, String> byControl = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        for (ApiProblem.FieldError e : problem.fieldErrors()) {
            String control = control(e.field() == null ? "" : e.field(), controls, alias);
            String text = e.message() == null ? "" : e.message();
            if (control != null) {
                byControl.merge(control, text, (a, b) -> a + "; " + b);
                items.add(new Item("#" + id(control), text));
            } else {
                items.add(new Item(null, (e.field() == null ? "" : e.field() + ": ") + text));
            }
        }
        if (items.isEmpty()) {
            items.add(new Item(null, problem.summary()));
        }
        return new FormErrors(problem.summary(), byControl, items);
    }

    static String control(String field, Set<String> controls, Function<String, String> alias) {
        String aliased = alias.apply(field);
        if (aliased != null && controls.contains(aliased)) {
            return aliased;
        }
        String best = null;
        for (String c : controls) {
            if ((field.equals(c) || field.startsWith(c + ".") || field.startsWith(c + "["))
                    && (best == null || c.length() > best.length())) {
                best = c;
            }
        }
        return best;
    }

    /** The element id of a control, from its name ({@code title.de} → {@code f-title-de}). */
    public static String id(String control) {
        return "f-" + control.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("-+$", "");
    }

    public boolean any() {
        return !items.isEmpty();
    }

    public String summary() {
        return summary;
    }

    public List<Item> items() {
        return items;
    }

    public boolean has(String control) {
        return byControl.containsKey(control);
    }

    public String message(String control) {
        return byControl.getOrDefault(control, "");
    }

    /** The element id of a control (for templates). */
    public String controlId(String control) {
        return id(control);
    }

    /** The id of the error text shown under a control. */
    public String errorId(String control) {
        return id(control) + "-error";
    }
}
