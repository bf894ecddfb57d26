package de.handinhand.submission.legacy.service;

import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.call.service.OrganizerScope;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormTemplates;
import de.handinhand.submission.form.FormValidator;
import de.handinhand.submission.legacy.parse.LegacyParser;
import de.handinhand.submission.legacy.parse.ParsedEntry;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import de.handinhand.submission.submission.api.SubmissionView;
import de.handinhand.submission.submission.service.ImportedEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The legacy import: an organizer posts the text export of an entry form and gets a structured
 * entry of the municipality the text names (or the one given), submitted as version 1, marked
 * imported, with the source text kept and whatever the parser could not place in
 * {@code unplaced}. The export of a paper form cannot show which boxes were ticked, so an
 * imported entry is not held to the form's completeness rules; its answers still have to fit the
 * form's shape. The exports are of the two paper forms a municipality filled in (the competition and
 * the dialogue report); an organizer of a Kreis imports only into its Kreis's calls, and only
 * entries of municipalities in the Kreis.
 */
@ApplicationScoped
public class LegacyImportService {

    private final CallRepository calls;
    private final MunicipalityRepository municipalities;
    private final ImportedEntries entries;
    private final FormTemplates forms;
    private final OrganizerScope scope;

    public LegacyImportService(CallRepository calls, MunicipalityRepository municipalities, ImportedEntries entries,
            FormTemplates forms, OrganizerScope scope) {
        this.calls = calls;
        this.municipalities = municipalities;
        this.entries = entries;
        this.forms = forms;
        this.scope = scope;
    }

    /**
     * Imports one text export into {@code callId}, for {@code municipalityId} if given. The text's
     * length and that it is not blank are the resource's constraints.
     */
    @Transactional
    public SubmissionView importText(UUID callId, String municipalityId, String text) {
        Errors errors = new Errors();
        Call call = callId == null ? null : calls.findForShare(callId).orElse(null);
        if (callId == null) {
            errors.add("callId", "is required");
        } else if (call == null) {
            errors.add("callId", "no call with this id");
        } else {
            scope.requireRuns(call);
            if (!IMPORTABLE.contains(call.formTemplate)) {
                errors.add("callId", "call " + call.id + " uses the form " + call.formTemplate + "; the legacy import "
                        + "reads exports of " + IMPORTABLE + " only");
            }
        }
        if (text.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store U+0000; the export is damaged rather than merely odd (form feeds stay).
            errors.add("body", "must not contain U+0000 (at position " + (text.indexOf('\u0000') + 1) + ")");
        }
        errors.throwIfAny();

        Form form = forms.of(call.formTemplate);
        FormTemplate family = Family.of(text);
        if (family != null && family != form.template()) {
            throw ValidationException.of("body", "the text is a " + family + " form, but call " + call.id
                    + " uses " + form.template());
        }
        ParsedEntry parsed = new LegacyParser(form).parse(text);
        Municipality municipality = municipality(municipalityId, parsed, text);
        if (call.kreisId != null && !call.kreisId.equals(municipality.kreisId)) {
            throw ValidationException.of("municipalityId", municipality.name + " (" + municipality.id + ") lies in "
                    + "Kreis " + municipality.kreisId + "; call " + call.id + " is run by Kreis " + call.kreisId
                    + " and takes entries from its municipalities only");
        }

        // A header line that only names the municipality (as the exports start) has its place now.
        String header = MunicipalityFinder.fold(municipality.name.strip());
        List<String> unplaced = parsed.unplaced().stream()
                .filter(u -> !MunicipalityFinder.fold(u.strip()).equals(header)).toList();
        Fitted fitted = fit(form, fallbackTitle(form, municipality, parsed), parsed, unplaced);
        return entries.register(new ImportedEntries.Imported(call, municipality, fitted.content(), fitted.unplaced(),
                fitted.derived(), text));
    }

    /** The form families whose text exports the parser reads. */
    private static final java.util.Set<FormTemplate> IMPORTABLE =
            java.util.EnumSet.of(FormTemplate.ZUSAMMENLEBEN_HAND_IN_HAND, FormTemplate.FLUECHTLINGSDIALOG);

    private record Fitted(FormValidator.Content content, List<String> unplaced, List<String> derived) {
    }

    /**
     * The title of an entry whose export gives none, marked as derived: "Wettbewerbsbeitrag
     * <Kommune>", or for a dialogue report "Kommunaler Flüchtlingsdialog <Kommune>" with the date.
     */
    static String fallbackTitle(Form form, Municipality municipality, ParsedEntry parsed) {
        if (form.template() == FormTemplate.FLUECHTLINGSDIALOG) {
            String title = "Kommunaler Flüchtlingsdialog " + municipality.name;
            if (parsed.answers().get("F21") instanceof String date) {
                title += " am " + java.time.LocalDate.parse(date)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            }
            return title;
        }
        return "Wettbewerbsbeitrag " + municipality.name;
    }

    private static final java.util.regex.Pattern ANSWER_FIELD =
            java.util.regex.Pattern.compile("(?:projects\\[(\\d+)]\\.)?answers\\.([A-Za-z0-9]+)");

    /**
     * Fits what the parser found into the form. The parser places only values that fit their
     * question, but a combination can still break a rule of the form (an answer it refuses, the
     * entry's own title, summary or description over their limits): such text is not dropped and
     * does not fail the import; it moves to {@code unplaced} (an answer with its code), for the
     * organizer to see, and the title falls back to {@link #fallbackTitle}. A value moved out loses
     * its derived mark; a fallback title gets one. What still does not fit (too many projects)
     * refuses the import with every field named.
     */
    private static Fitted fit(Form form, String fallbackTitle, ParsedEntry parsed, List<String> leftovers) {
        String title = parsed.title() != null ? parsed.title() : fallbackTitle;
        List<String> derived = new ArrayList<>(parsed.derived());
        if (parsed.title() == null) {
            derived.add("title");
        }
        Map<String, Object> answers = new LinkedHashMap<>(parsed.answers());
        List<Map<String, Object>> projects = new ArrayList<>();
        parsed.projects().forEach(p -> projects.add(new LinkedHashMap<>(p)));
        List<String> unplaced = new ArrayList<>(leftovers);
        String summary = parsed.summary();
        String description = parsed.description();
        for (int attempt = 0; ; attempt++) {
            Errors shape = new Errors();
            FormValidator.Content content = FormValidator.normalise(form, new FormValidator.Content(title, summary,
                    description, answers, projects), shape);
            if (shape.isEmpty()) {
                return new Fitted(content, unplaced, List.copyOf(derived));
            }
            boolean moved = false;
            for (de.handinhand.common.web.problem.FieldError error : shape.list()) {
                java.util.regex.Matcher field = ANSWER_FIELD.matcher(error.field());
                if (field.matches()) {
                    Map<String, Object> owner = field.group(1) == null ? answers
                            : projects.get(Integer.parseInt(field.group(1)));
                    Object value = owner.remove(field.group(2));
                    if (value != null) {
                        unplaced.add(field.group(2) + ": " + text(value));
                        derived.remove(error.field());
                        moved = true;
                    }
                } else if (error.field().equals("title") && !title.equals(fallbackTitle)) {
                    unplaced.add(title);
                    title = fallbackTitle;
                    derived.add("title");
                    moved = true;
                } else if (error.field().equals("summary") && summary != null) {
                    unplaced.add(summary);
                    summary = null;
                    moved = true;
                } else if (error.field().equals("description") && description != null) {
                    unplaced.add(description);
                    description = null;
                    moved = true;
                }
            }
            if (!moved || attempt > 3) {
                throw new ValidationException("import-does-not-fit", "The text does not fit the form", shape.list());
            }
        }
    }

    private static String text(Object value) {
        if (value instanceof java.util.Collection<?> many) {
            return many.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    /**
     * The municipality given, else the one the text speaks for ({@link MunicipalityFinder}: the
     * contact block's name if it has one, else the registered municipalities the text names, the
     * speaking kind and frequency deciding). Given and named must agree when both exist.
     */
    private Municipality municipality(String municipalityId, ParsedEntry parsed, String text) {
        String named = parsed.municipalityName();
        if (municipalityId != null && !municipalityId.isBlank()) {
            Municipality given = municipalities.findByIdOptional(municipalityId.strip()).orElseThrow(() ->
                    ValidationException.of("municipalityId", "no registered municipality " + municipalityId));
            if (named != null && !MunicipalityFinder.names(named, given)) {
                throw ValidationException.of("municipalityId", "the text names '" + named + "', but "
                        + given.id + " is " + given.name);
            }
            return given;
        }
        return new MunicipalityFinder(municipalities.listAll()).find(named, parsed.municipalityType(), text);
    }

    /** Which form family a text export belongs to, by the words only it uses; null if it cannot tell. */
    static final class Family {

        private Family() {
        }

        static FormTemplate of(String text) {
            String folded = FieldOfAction.fold(text);
            boolean competition = folded.contains("wettbewerbsbeitrag");
            boolean dialog = folded.contains("fluechtlingsdialog") || folded.contains("einwohnerzahl")
                    || folded.contains("anzahl der teilnehmenden");
            if (competition == dialog) {
                return null;
            }
            return competition ? FormTemplate.ZUSAMMENLEBEN_HAND_IN_HAND : FormTemplate.FLUECHTLINGSDIALOG;
        }
    }
}
