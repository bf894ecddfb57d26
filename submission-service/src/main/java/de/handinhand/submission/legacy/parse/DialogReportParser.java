package de.handinhand.submission.legacy.parse;

import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.Question;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text export of a Kommunaler Flüchtlingsdialog report. Real exports are runs of a
 * label on its own line ("Einwohnerzahl", "Telefon der Kontaktperson", "Veranstaltungskonzept:"),
 * often the form's question text, then the answer, with blank lines between; some put the value
 * after the label on the same line ("Telefon: 0123 …"). The reader knows each field by the
 * family's label variants rather than one document's wording, recognises the form's question
 * text (a question, an instruction addressed to "Sie") and skips it, and anchors on the few
 * questions that have an answer of their own (the two satisfaction questions, the ratio of effort
 * and result). Each field's answer is then read into its type: the contact block into name,
 * address, phone and e-mail, numbers, the event's date and times, topics as field-of-action codes
 * (the rest as text), participant counts, typed cost lines. A line is consumed only when its
 * content has a place; everything else stays verbatim in {@code unplaced}.
 */
final class DialogReportParser {

    enum Target {
        PREAMBLE, STRUCTURE,
        NAME, POPULATION, KREIS, BEZIRK, WEBSITE, CONTACT, ADDRESS, PHONE, EMAIL,
        TITLE, DATE, TIME, PLACE, SUMMARY, CONCEPT,
        SITUATION, COUNSEL, TOPICS, MORE_TOPICS, ACTORS, COUNT,
        ASSESSMENT, SATISFACTION_PROCESS, SATISFACTION_RESULTS, RESULTS,
        COSTS, TOTAL, FUNDING, COSTS_NOTE, RATIO, RECOMMENDATIONS
    }

    /** Labels, folded (lower case, umlauts spelled out, no trailing colon, no closing remark in parentheses). */
    private static final Map<String, Target> LABELS = new HashMap<>();
    /** What may follow a label's key words on its line ("Telefon der Kontaktperson"). */
    private static final Set<String> TAILS = Set.of("der kontaktperson", "der veranstaltung", "des fluechtlingsdialogs",
            "des kommunalen fluechtlingsdialogs", "fuer den kommunalen fluechtlingsdialog",
            "fuer den fluechtlingsdialog", "zum kommunalen fluechtlingsdialog", "zum fluechtlingsdialog",
            "der kommune", "der stadt oder gemeinde", "der stadt/gemeinde", "und sonstige rueckmeldungen",
            "im ueberblick", "der teilnehmenden", "des ansprechpartners", "der ansprechperson", "bzw. anlass");
    /**
     * How a heading's extra words begin ("Beteiligte Akteure und Teilnehmende", "Kosten der
     * Veranstaltung"); a value after a label never does ("Landkreis Musterstadt").
     */
    private static final Set<String> CONNECTORS = Set.of("und", "sowie", "bzw.", "bzw", "oder", "der", "des", "zur",
            "zum", "fuer");
    /** Fields whose value may stand on the label's own line ("Einwohnerzahl: 8.300"). */
    private static final Set<Target> INLINE = EnumSet.of(Target.NAME, Target.POPULATION, Target.KREIS, Target.BEZIRK,
            Target.WEBSITE, Target.CONTACT, Target.ADDRESS, Target.PHONE, Target.EMAIL, Target.TITLE, Target.DATE,
            Target.TIME, Target.PLACE, Target.COUNT, Target.TOTAL, Target.FUNDING, Target.MORE_TOPICS);

    /** Long answers that go on after a one-line value written into them ("Termin: …", "Gesamtkosten: …"). */
    private static final Set<Target> RESUMABLE = EnumSet.of(Target.CONCEPT, Target.SITUATION, Target.COUNSEL,
            Target.TOPICS, Target.ACTORS, Target.ASSESSMENT, Target.SATISFACTION_PROCESS, Target.SATISFACTION_RESULTS,
            Target.RESULTS, Target.COSTS, Target.COSTS_NOTE, Target.RATIO, Target.RECOMMENDATIONS, Target.SUMMARY);

    /** Fields of one line: a question of a long part right after such a label, left empty, opens that part. */
    private static final Set<Target> ONE_LINE = EnumSet.of(Target.NAME, Target.POPULATION, Target.KREIS,
            Target.BEZIRK, Target.WEBSITE, Target.PHONE, Target.EMAIL, Target.TITLE, Target.DATE, Target.TIME,
            Target.PLACE, Target.COUNT, Target.TOTAL, Target.FUNDING);

    static {
        labels(Target.NAME, "name der kommune", "name der stadt oder gemeinde", "name der stadt/gemeinde",
                "name der stadt/der gemeinde/des landkreises", "name der stadt, gemeinde oder des landkreises",
                "name der stadt/gemeinde/des landkreises", "name der gebietskoerperschaft", "gebietskoerperschaft",
                "kommune", "stadt/gemeinde", "stadt oder gemeinde", "name der stadt", "name der gemeinde",
                "name des landkreises", "stadt/gemeinde/landkreis");
        labels(Target.POPULATION, "einwohnerzahl", "einwohner", "anzahl der einwohner", "zahl der einwohner",
                "einwohnerzahl der kommune", "einwohnerinnen und einwohner");
        labels(Target.KREIS, "landkreis", "kreis", "landkreis/kreis", "zugehoeriger landkreis", "kreiszugehoerigkeit");
        labels(Target.BEZIRK, "regierungsbezirk");
        labels(Target.WEBSITE, "internetseite", "homepage", "webseite", "website", "internetadresse", "internet");
        labels(Target.CONTACT, "name und adresse der kontaktperson", "name und anschrift der kontaktperson",
                "kontaktperson", "kontakt", "kontaktdaten", "ansprechpartner", "ansprechpartner/in",
                "ansprechpartnerin", "ansprechperson", "name und adresse", "name und anschrift", "name der kontaktperson");
        labels(Target.ADDRESS, "anschrift", "adresse", "postanschrift", "anschrift der kontaktperson");
        labels(Target.PHONE, "telefon", "tel", "tel.", "telefonnummer", "fon", "telefon der kontaktperson");
        labels(Target.EMAIL, "e-mail", "email", "e-mail-adresse", "emailadresse", "mail", "e-mail der kontaktperson");
        labels(Target.TITLE, "titel der veranstaltung", "titel", "name der veranstaltung", "veranstaltungstitel",
                "thema der veranstaltung", "bezeichnung der veranstaltung");
        labels(Target.DATE, "datum der veranstaltung", "datum", "termin", "veranstaltungsdatum", "zeitpunkt",
                "datum und uhrzeit", "termin der veranstaltung");
        labels(Target.TIME, "uhrzeit", "beginn und ende");
        labels(Target.PLACE, "ort der veranstaltung", "veranstaltungsort", "ort");
        labels(Target.SUMMARY, "kurzfassung", "zusammenfassung", "kurzbeschreibung");
        labels(Target.CONCEPT, "veranstaltungskonzept", "konzept der veranstaltung", "konzept", "ablauf der veranstaltung",
                "konzept und ablauf", "programm");
        labels(Target.SITUATION, "ausgangssituation/anlass", "ausgangssituation", "anlass", "ausgangslage",
                "ausgangssituation und anlass", "anlass der veranstaltung");
        labels(Target.COUNSEL, "beratung und moderation", "beratung/moderation", "moderation und beratung",
                "moderation", "beratung");
        labels(Target.TOPICS, "themenfelder", "themen", "themenschwerpunkte", "behandelte themen", "themenbereiche",
                "inhalte", "handlungsfelder");
        labels(Target.MORE_TOPICS, "weitere themen", "sonstige themen");
        labels(Target.ACTORS, "beteiligte akteure", "akteure", "beteiligte", "teilnehmende", "teilnehmer",
                "teilnehmerinnen und teilnehmer", "teilnehmer/innen", "teilnehmer*innen", "teilnehmerkreis",
                "zielgruppe", "zielgruppen", "teilnehmende gruppen", "beteiligte gruppen", "teilnahme",
                "zusammensetzung der teilnehmenden");
        labels(Target.COUNT, "anzahl der teilnehmenden", "anzahl der teilnehmer", "anzahl teilnehmende",
                "teilnehmerzahl", "anzahl der teilnehmerinnen und teilnehmer", "zahl der teilnehmenden");
        labels(Target.ASSESSMENT, "bewertung des ablaufs und der ergebnisse", "bewertung", "bewertung der veranstaltung",
                "zufriedenheit", "einschaetzung", "auswertung", "evaluation", "fazit",
                "bewertung von ablauf und ergebnissen");
        labels(Target.SATISFACTION_PROCESS, "zufriedenheit mit dem ablauf", "bewertung des ablaufs");
        labels(Target.SATISFACTION_RESULTS, "zufriedenheit mit den ergebnissen", "bewertung der ergebnisse");
        labels(Target.RESULTS, "konkrete ergebnisse, massnahmen und naechste schritte", "konkrete ergebnisse",
                "ergebnisse", "ergebnisse und naechste schritte", "naechste schritte", "ergebnisse und massnahmen",
                "massnahmen und naechste schritte", "ausblick");
        labels(Target.COSTS, "kosten und effizienz", "kosten", "kosten der veranstaltung", "kostenaufstellung",
                "ausgaben", "kosten/effizienz", "kosten und finanzierung", "finanzierung");
        labels(Target.TOTAL, "gesamtkosten", "kosten gesamt", "kosten insgesamt", "gesamtsumme");
        labels(Target.FUNDING, "davon foerdermittel", "foerdermittel", "zuschuss", "davon zuschuss");
        labels(Target.COSTS_NOTE, "erlaeuterung der kosten und effizienz", "erlaeuterung der kosten", "effizienz");
        labels(Target.RATIO, "verhaeltnis von aufwand und ergebnis", "aufwand und ergebnis", "kosten-nutzen-verhaeltnis");
        labels(Target.RECOMMENDATIONS, "empfehlungen", "empfehlungen und sonstige rueckmeldungen",
                "sonstige rueckmeldungen", "rueckmeldungen", "anmerkungen", "hinweise", "empfehlungen fuer andere kommunen");
        labels(Target.STRUCTURE, "angaben zur kommune", "angaben zur veranstaltung", "angaben zur kontaktperson",
                "kommunaler fluechtlingsdialog", "bericht", "dokumentation", "berichtsbogen");
    }

    /**
     * One-word labels that could as well be a line of an answer ("Beratung" in a list of topics):
     * labels only with a colon or standing alone after a blank line, as labels do in the exports.
     */
    private static final Set<String> WEAK = Set.of("beratung", "moderation", "teilnahme", "kontakt", "kommune", "ort",
            "programm", "inhalte", "hinweise", "anmerkungen", "akteure", "beteiligte", "effizienz", "ausgaben",
            "finanzierung", "zuschuss", "internet", "mail", "fon", "tel", "tel.", "konzept", "themen", "ausblick", "fazit",
            "auswertung", "evaluation", "einschaetzung", "zufriedenheit", "kreis", "zeitpunkt", "zielgruppe",
            "zielgruppen", "teilnehmer", "teilnehmende", "titel", "datum", "termin", "anlass", "bewertung", "ergebnisse",
            "kosten", "einwohner", "adresse", "anschrift", "website", "webseite", "homepage");

    private static void labels(Target target, String... folded) {
        for (String label : folded) {
            LABELS.put(label, target);
        }
    }

    private static final Pattern BULLET = Pattern.compile("^[-•*–·▪◦]\\s{0,8}");
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,2}(?:\\.\\d{1,2}){0,2}\\.?|[a-h]\\))\\s{1,4}");
    private static final Pattern PAGE_FOOTER = Pattern.compile("^(?:-\\s{0,2})?seite\\s{1,3}\\d{1,3}"
            + "(?:\\s{1,3}(?:von|/)\\s{1,3}\\d{1,3})?(?:\\s{0,2}-)?$");
    private static final Pattern CLOSING_REMARK = Pattern.compile("\\s{0,3}\\([^()]{0,80}\\)$");
    private static final Pattern PHONE_RUN = Pattern.compile("\\+?[0-9(][0-9 ()/-]{4,44}[0-9]");
    private static final Pattern PHONE_PREFIX = Pattern.compile("^(?:tel(?:efon)?|fon|mobil|handy)\\.?\\s{0,3}:?\\s{0,3}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ITEM_SEPARATORS = Pattern.compile("\\s{0,3}[,;/]\\s{0,3}|\\s{1,3}(?:und|sowie|&|\\+)\\s{1,3}");
    private static final Pattern TOTAL_PARTICIPANTS = Pattern.compile(
            "(?:insg\\.?|insgesamt|gesamt|summe)\\s{0,3}:?\\s{0,3}(?:ca\\.?\\s{0,3}|rund\\s{1,3}|etwa\\s{1,3}|ueber\\s{1,3})?"
                    + "(\\d{1,3}(?:\\.\\d{3}){0,2}|\\d{1,7})(?![\\d,])");
    private static final Pattern PERSONS = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:\\.\\d{3}){0,2}|\\d{1,7})(?![\\d,]|\\.\\d)\\s{0,3}"
                    + "(?:personen|teilnehmende|teilnehmer|tn\\b|menschen|gaeste|besucher|leute)");
    private static final Pattern REFUGEES = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:\\.\\d{3}){0,2}|\\d{1,6})(?![\\d,]|\\.\\d)\\s{0,3}(?:[a-z\\-]{1,20}\\s{1,3}){0,2}?"
                    + "(?:gefluechtete|fluechtling|asylbewerber|asylsuchende|gefluechtet|menschen mit fluchterfahrung"
                    + "|personen mit fluchterfahrung|neuzugewanderte)");
    private static final Pattern PARTICIPATION = Pattern.compile(
            "teilnahm|teilnahme|teilgenommen|teilnehm|nahmen|davon|darunter|anwesend|dabei|beteiligt|mitgewirkt|vertreten");
    private static final Set<String> ANSWER_VOICE = Set.of("wir", "uns", "unser", "unsere", "unserer", "unseren",
            "unserem", "unseres");
    private static final Set<String> FILLER = Set.of("am", "den", "der", "die", "das", "des", "dem", "vom", "von", "bis",
            "ab", "um", "uhr", "durchfuehrung", "durchgefuehrt", "termin", "datum", "stattgefunden", "fand", "statt",
            "wurde", "veranstaltung", "zeit", "uhrzeit", "beginn", "ende", "ca", "und", "jeweils", "montag", "dienstag",
            "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "stand", "einwohner", "einwohnerinnen", "rund",
            "etwa", "zum", "per", "ew", "insg", "insgesamt", "gesamt", "personen", "teilnehmende", "teilnehmer", "tn",
            "davon", "darunter", "gefluechtete", "gefluechteten", "e-mail", "email", "mailto", "mail", "tel",
            "telefon", "fon", "zwischen", "in", "im", "fluechtlingsdialog");

    private static final Pattern CHARACTER_LIMIT = Pattern.compile("max\\.? ?\\d{1,5} zeichen");

    private final Form form;
    private final Map<String, Question> questions;
    /** The form's own headings: structure, where no label of a field says more. */
    private final Set<String> headings = new java.util.HashSet<>();

    DialogReportParser(Form form) {
        this.form = form;
        this.questions = form.questionsByCode();
        form.sections().forEach(section -> headings.add(labelFold(section.title())));
        headings.add(labelFold(form.title()));
    }

    /** One line of an answer (or the value standing on its label's line), and whether a paragraph starts with it. */
    private record Piece(int line, String text, boolean paragraphStart) {
    }

    private record Label(Target target, String inline) {
    }

    private record Asked(Target target, boolean queued) {
    }

    /** The state of one parse. */
    private final class Run {
        final List<String> raw;
        final List<String> lines;
        final boolean[] used;
        final boolean[] structural;
        final Map<Integer, Target> labelAt = new HashMap<>();
        final Map<Target, List<Piece>> content = new EnumMap<>(Target.class);
        final Map<String, Object> answers = new LinkedHashMap<>();
        final List<String> derived = new ArrayList<>();
        String name;
        String title;
        String summary;
        String description;

        Run(String text) {
            raw = LegacyParser.lines(text);
            lines = raw.stream().map(l -> LegacyParser.UNICODE_SPACES.matcher(l).replaceAll(" ").stripTrailing())
                    .toList();
            used = new boolean[lines.size()];
            structural = new boolean[lines.size()];
        }

        List<Piece> of(Target target) {
            return content.getOrDefault(target, List.of());
        }
    }

    ParsedEntry parse(String text) {
        Run run = new Run(text);
        walk(run);
        read(run);
        List<String> unplaced = LegacyParser.unplaced(run.raw, run.lines, consumed(run));
        return new ParsedEntry(run.name, null, null, run.title, run.summary, run.description, run.answers, List.of(),
                unplaced, run.derived);
    }

    // --- walking the lines: labels, the form's questions, answers ---------------------------------

    private void walk(Run run) {
        Target section = Target.PREAMBLE;
        Target paragraphTarget = Target.PREAMBLE;
        Deque<Target> pending = new ArrayDeque<>();
        List<Target> batch = new ArrayList<>();
        Map<Target, Integer> answeredInBatch = new EnumMap<>(Target.class);
        boolean answerSeen = false;
        boolean inParagraph = false;
        boolean processAsked = false;
        for (int i = 0; i < run.lines.size(); i++) {
            String line = run.lines.get(i);
            if (line.isBlank()) {
                inParagraph = false;
                continue;
            }
            if (PAGE_FOOTER.matcher(fold(line.strip())).matches()) {
                run.structural[i] = true; // "Seite 2 von 5" from a PDF conversion
                continue;
            }
            boolean isolated = (i == 0 || run.lines.get(i - 1).isBlank()) && (i + 1 == run.lines.size()
                    || run.lines.get(i + 1).isBlank() || asked(run.lines.get(i + 1)) != null);
            Label label = label(line, i == 0 || run.lines.get(i - 1).isBlank(), isolated);
            if (label != null && label.inline() != null && INLINE.contains(label.target())
                    && RESUMABLE.contains(section)) {
                // "Termin: 4.3.2017" inside the concept: a one-line value; the answer around it goes on.
                run.labelAt.put(i, label.target());
                run.content.computeIfAbsent(label.target(), k -> new ArrayList<>())
                        .add(new Piece(i, label.inline(), true));
                answerSeen = true;
                inParagraph = false;
                continue;
            }
            if (label != null) {
                settle(run, batch, answeredInBatch);
                section = label.target();
                paragraphTarget = section;
                pending.clear();
                run.labelAt.put(i, section);
                if (label.inline() != null) {
                    run.content.computeIfAbsent(section, k -> new ArrayList<>())
                            .add(new Piece(i, label.inline(), true));
                } else {
                    run.structural[i] = true;
                }
                answerSeen = label.inline() != null;
                inParagraph = false;
                continue;
            }
            Asked asked = asked(line);
            if (asked != null && asked.queued()) {
                Target target = asked.target();
                if (target == null) {
                    // A satisfaction question that names neither part: the first is the process, the next the results.
                    target = processAsked ? Target.SATISFACTION_RESULTS : Target.SATISFACTION_PROCESS;
                }
                processAsked |= target == Target.SATISFACTION_PROCESS;
                if (answerSeen || pending.isEmpty()) {
                    settle(run, batch, answeredInBatch);
                }
                pending.add(target);
                batch.add(target);
                run.structural[i] = true;
                answerSeen = false;
                inParagraph = false;
                continue;
            }
            if (asked != null && !answerSeen && (asked.target() == null || asked.target() == section
                    || !ONE_LINE.contains(section) || !RESUMABLE.contains(asked.target()))) {
                // The form's own question or instruction right after its label: not an answer. (After a
                // one-line field left empty, a question of another part opens that part, below.)
                run.structural[i] = true;
                continue;
            }
            if (asked != null && asked.target() != null && asked.target() != section) {
                // A question of another part of the form without its label line: it opens that part.
                settle(run, batch, answeredInBatch);
                section = asked.target();
                paragraphTarget = section;
                pending.clear();
                run.structural[i] = true;
                answerSeen = false;
                inParagraph = false;
                continue;
            }
            if (!inParagraph) {
                if (!pending.isEmpty()) {
                    paragraphTarget = pending.poll();
                    answeredInBatch.merge(paragraphTarget, 1, Integer::sum);
                }
                inParagraph = true;
            }
            answerSeen = true;
            run.content.computeIfAbsent(paragraphTarget, k -> new ArrayList<>())
                    .add(new Piece(i, line.strip(), isParagraphStart(run, paragraphTarget, i)));
        }
        settle(run, batch, answeredInBatch);
    }

    private static boolean isParagraphStart(Run run, Target target, int line) {
        List<Piece> pieces = run.of(target);
        if (pieces.isEmpty()) {
            return true;
        }
        int previous = pieces.get(pieces.size() - 1).line();
        return line != previous + 1;
    }

    /**
     * Closes a run of satisfaction questions asked together: if only one paragraph answered both
     * (the export put both questions, then one answer), it answers the assessment as a whole.
     */
    private static void settle(Run run, List<Target> batch, Map<Target, Integer> answered) {
        Set<Target> satisfaction = EnumSet.of(Target.SATISFACTION_PROCESS, Target.SATISFACTION_RESULTS);
        List<Target> asked = batch.stream().filter(satisfaction::contains).toList();
        if (asked.size() == 2 && answered.getOrDefault(asked.get(0), 0) == 1
                && answered.getOrDefault(asked.get(1), 0) == 0) {
            List<Piece> pieces = run.content.remove(asked.get(0));
            if (pieces != null) {
                run.content.computeIfAbsent(Target.ASSESSMENT, k -> new ArrayList<>()).addAll(pieces);
            }
        }
        batch.clear();
        answered.clear();
    }

    /** The label this line is, with its value when it stands on the same line; null for other lines. */
    Label label(String line, boolean afterBlank, boolean isolated) {
        if (line.length() > 160) {
            return null;
        }
        String stripped = line.strip();
        if (BULLET.matcher(stripped).find()) {
            return null;
        }
        boolean indented = line.startsWith("  ") || line.startsWith("\t");
        String folded = labelFold(stripped);
        boolean colon = stripped.endsWith(":");
        int inner = stripped.indexOf(':');
        boolean tabbed = stripped.indexOf('\t') > 0;
        // "Name der Kommune: Hohenried", "Regierungsbezirk<TAB>Kassel": a label with its value, never a label as a whole.
        Target whole = inner >= 0 && inner < stripped.length() - 1 || tabbed ? null : target(folded, colon, isolated);
        if (whole != null && (!WEAK.contains(folded) || colon || afterBlank)) {
            return new Label(whole, null);
        }
        if (whole == null && headings.contains(folded)) {
            return new Label(Target.STRUCTURE, null);
        }
        int at = stripped.indexOf(':');
        int tab = stripped.indexOf('\t');
        if (tab > 0 && (at < 0 || tab < at)) {
            at = tab; // "Regierungsbezirk<TAB>Musterbezirk": an export of the form's table
        } else if (at <= 0 || at == stripped.length() - 1 || indented) {
            return null;
        }
        Target head = target(labelFold(stripped.substring(0, at)), true, false);
        String value = stripped.substring(at + 1).strip();
        if (head == null || value.isEmpty() || head == Target.STRUCTURE) {
            return null;
        }
        if (asked(value) != null) {
            // "Themenfelder: Welche Themen standen im Mittelpunkt?": the label with its question, no answer yet.
            return new Label(head, null);
        }
        if (INLINE.contains(head)) {
            return new Label(head, value);
        }
        // A long answer after its label ("Anlass: Nach der Schließung …"), but never a cost line
        // ("Beratung und Moderation: 3.120 €"), which belongs to the costs.
        boolean costLine = ValueParsers.amountOnLine(value).isPresent();
        return costLine || value.length() < 3 ? null : new Label(head, value);
    }

    private static Target target(String folded, boolean endsWithColon, boolean isolated) {
        Target exact = LABELS.get(folded);
        if (exact != null) {
            return exact;
        }
        int slash = folded.indexOf('/');
        if (slash > 0 && words(folded) <= 10) {
            // "Teilnehmende/Zielgruppen", "Themen / Inhalte": the first part names the field.
            Target first = LABELS.get(folded.substring(0, slash).strip());
            if (first != null && first != Target.STRUCTURE) {
                return first;
            }
        }
        if (folded.startsWith("name d") && !folded.contains("kontakt") && !folded.contains("ansprech")
                && !folded.contains("veranstaltung") && (folded.contains("stadt") || folded.contains("gemeinde")
                        || folded.contains("kommune") || folded.contains("landkreis")) && words(folded) <= 10) {
            return Target.NAME;
        }
        // Key words plus a known tail ("E-Mail der Kontaktperson"), or a short label ending in ':', or
        // standing alone between blank lines like the form's headings ("Beteiligte Akteure und Teilnehmende").
        int space = folded.indexOf(' ');
        boolean heading = isolated && words(folded) <= 6 && folded.chars().noneMatch(Character::isDigit)
                && ".!?,;".indexOf(folded.charAt(folded.length() - 1)) < 0;
        while (space > 0) {
            String head = folded.substring(0, space);
            Target key = LABELS.get(head);
            String tail = folded.substring(space + 1);
            if (key != null && (TAILS.contains(tail)
                    || endsWithColon && words(tail) <= 8 && tail.chars().noneMatch(Character::isDigit)
                    || heading && !WEAK.contains(head) && key != Target.STRUCTURE && words(tail) <= 4
                            && CONNECTORS.contains(tail.split(" ", 2)[0]))) {
                return key;
            }
            space = folded.indexOf(' ', space + 1);
        }
        return null;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    /** A label folded for lookup: "Ausgangssituation / Anlass:" → "ausgangssituation/anlass". */
    static String labelFold(String s) {
        String folded = fold(s).replace(" / ", "/").replace("/ ", "/").replace(" /", "/");
        // "3. Themenfelder", "3.1 Anlass", "b) Kosten": the form's numbering is no part of the label.
        folded = NUMBERING.matcher(folded).replaceFirst("");
        folded = CLOSING_REMARK.matcher(folded).replaceFirst("");
        while (folded.endsWith(":")) {
            folded = folded.substring(0, folded.length() - 1).strip();
        }
        return folded;
    }

    static String fold(String s) {
        return LegacyParser.fold(s);
    }

    /**
     * Whether the line is the form's own text rather than an answer: a question, or an instruction
     * addressed to "Sie" — and, for the questions that anchor an answer or open a part of the form,
     * which. Questions in the answers' own voice ("Wie können wir …?") are answers.
     */
    static Asked asked(String line) {
        String s = line.strip();
        if (s.length() > 400) {
            return null;
        }
        String folded = fold(s);
        Set<String> tokens = new LinkedHashSet<>(List.of(folded.split("[^\\p{L}\\p{N}-]+")));
        if (tokens.stream().anyMatch(ANSWER_VOICE::contains)) {
            return null;
        }
        boolean question = isQuestion(s);
        boolean instruction = s.startsWith("Bitte ") || addressesReader(s) || (s.startsWith("(") && s.endsWith(")"))
                || folded.contains("mehrfachnennung") || CHARACTER_LIMIT.matcher(folded).find();
        if (!question && !instruction) {
            return null;
        }
        if (question) {
            if (folded.contains("verhaeltnis") && (folded.contains("aufwand") || folded.contains("kosten")
                    || folded.contains("nutzen"))) {
                return new Asked(Target.RATIO, true);
            }
            if (folded.contains("zufrieden") || (folded.contains("bewert") && (folded.contains("ablauf")
                    || folded.contains("ergebnis")))) {
                boolean results = folded.contains("ergebnis");
                boolean process = folded.contains("ablauf") || folded.contains("verlauf") || folded.contains("organisation")
                        || folded.contains("durchfuehrung") || folded.contains("moderation")
                        || folded.contains("veranstaltung");
                if (results && folded.contains("ablauf")) {
                    return new Asked(Target.ASSESSMENT, false);
                }
                return new Asked(results ? Target.SATISFACTION_RESULTS : process ? Target.SATISFACTION_PROCESS : null,
                        true);
            }
        }
        return new Asked(section(folded), false);
    }

    private static Target section(String folded) {
        if (folded.contains("kosten") || folded.contains("ausgaben")) {
            return Target.COSTS;
        }
        if (folded.contains("empfehl") || folded.contains("rueckmeld")) {
            return Target.RECOMMENDATIONS;
        }
        if (folded.contains("thema") || folded.contains("themen")) {
            return Target.TOPICS;
        }
        if (folded.contains("teilgenommen") || folded.contains("teilnehm") || folded.contains("zielgruppe")
                || folded.contains("akteure") || folded.contains("beteiligt")) {
            return Target.ACTORS;
        }
        if (folded.contains("anlass") || folded.contains("ausgangssituation") || folded.contains("ausgangslage")) {
            return Target.SITUATION;
        }
        if (folded.contains("moderation") || folded.contains("beratung") || folded.contains("moderiert")) {
            return Target.COUNSEL;
        }
        if (folded.contains("ergebnis") || folded.contains("naechste schritte") || folded.contains("massnahmen")) {
            return Target.RESULTS;
        }
        if (folded.contains("konzept") || folded.contains("ablauf") || folded.contains("methode")) {
            return Target.CONCEPT;
        }
        return null;
    }

    private static boolean isQuestion(String s) {
        int mark = s.lastIndexOf('?');
        if (mark < 0) {
            return false;
        }
        String rest = s.substring(mark + 1).strip();
        return rest.isEmpty() || rest.equals(":") || (rest.startsWith("(") && rest.endsWith(")") && rest.length() < 120);
    }

    /** "Sie", "Ihr", "Ihre" … written with a capital inside a sentence: the form addressing the municipality. */
    private static boolean addressesReader(String s) {
        String[] words = s.split("\\s+");
        for (int i = 1; i < words.length; i++) {
            String w = words[i].replaceAll("[^\\p{L}]", "");
            boolean sentenceStart = words[i - 1].endsWith(".") || words[i - 1].endsWith("!") || words[i - 1].endsWith("?")
                    || words[i - 1].endsWith(":");
            if (!sentenceStart && (w.equals("Sie") || w.equals("Ihr") || w.equals("Ihre") || w.equals("Ihrer")
                    || w.equals("Ihren") || w.equals("Ihrem") || w.equals("Ihres") || w.equals("Ihnen"))) {
                return true;
            }
        }
        return false;
    }

    // --- reading each field's answer into its type --------------------------------------------------

    private void read(Run run) {
        readName(run);
        readPopulation(run);
        text(run, Target.KREIS, "F12");
        text(run, Target.BEZIRK, "F13");
        readWebsite(run);
        readPhone(run);
        readEmail(run);
        readAddress(run);
        readContact(run);
        readTitle(run);
        readDate(run, Target.DATE);
        readDate(run, Target.TIME);
        text(run, Target.PLACE, "F22");
        readSummary(run);
        readConcept(run);
        longText(run, Target.SITUATION, "F30");
        longText(run, Target.COUNSEL, "F40");
        longText(run, Target.MORE_TOPICS, "F51");
        readTopics(run);
        longText(run, Target.ACTORS, "F60");
        readParticipants(run);
        longText(run, Target.SATISFACTION_PROCESS, "F71");
        longText(run, Target.SATISFACTION_RESULTS, "F72");
        longText(run, Target.ASSESSMENT, "F70");
        longText(run, Target.RESULTS, "F80");
        readCosts(run);
        longText(run, Target.RECOMMENDATIONS, "F100");
        readPreamble(run);
    }

    private boolean[] consumed(Run run) {
        boolean[] consumed = new boolean[run.lines.size()];
        Map<Target, Boolean> anyUsed = new EnumMap<>(Target.class);
        run.content.forEach((target, pieces) -> anyUsed.put(target, pieces.stream().anyMatch(p -> run.used[p.line()])));
        for (int i = 0; i < consumed.length; i++) {
            consumed[i] = run.used[i] || run.structural[i];
            Target labelled = run.labelAt.get(i);
            if (labelled != null && run.structural[i] && Boolean.FALSE.equals(anyUsed.get(labelled))
                    && labelled != Target.STRUCTURE) {
                // An answer that could not be placed at all keeps its label in unplaced, to say what it was.
                consumed[i] = false;
            }
        }
        return consumed;
    }

    private static void use(Run run, List<Piece> pieces) {
        pieces.forEach(p -> run.used[p.line()] = true);
    }

    private static List<Piece> firstParagraph(List<Piece> pieces) {
        List<Piece> first = new ArrayList<>();
        for (Piece p : pieces) {
            if (!first.isEmpty() && p.paragraphStart()) {
                break;
            }
            first.add(p);
        }
        return first;
    }

    private static String join(List<Piece> pieces, String separator) {
        return String.join(separator, pieces.stream().map(Piece::text).toList());
    }

    /** Lines as paragraphs: "\n" within, "\n\n" between. */
    private static String paragraphs(List<Piece> pieces) {
        StringBuilder text = new StringBuilder();
        for (Piece p : pieces) {
            if (text.length() > 0) {
                text.append(p.paragraphStart() ? "\n\n" : "\n");
            }
            text.append(p.text());
        }
        return text.toString();
    }

    /** Whether a value fits its question (length, pattern), so the validator will keep it. */
    private boolean fits(String code, String value) {
        Question q = questions.get(code);
        return value != null && !value.isBlank() && (q.maxLength() == null || value.strip().length() <= q.maxLength())
                && (q.pattern() == null || value.strip().matches(q.pattern()));
    }

    private void put(Run run, String code, Object value) {
        run.answers.put(code, value);
    }

    /** A one-line answer: the first paragraph, joined. */
    private void text(Run run, Target target, String code) {
        List<Piece> first = firstParagraph(run.of(target));
        String value = join(first, " ").strip();
        if (!first.isEmpty() && fits(code, value) && !run.answers.containsKey(code)) {
            put(run, code, value);
            use(run, first);
        }
    }

    private void longText(Run run, Target target, String code) {
        List<Piece> pieces = run.of(target);
        if (pieces.isEmpty()) {
            return;
        }
        String value = paragraphs(pieces);
        if (run.answers.get(code) instanceof String before) {
            value = before + "\n\n" + value;
        }
        if (fits(code, value)) {
            put(run, code, value);
            use(run, pieces);
        }
    }

    private void readName(Run run) {
        List<Piece> first = firstParagraph(run.of(Target.NAME));
        if (first.isEmpty()) {
            return;
        }
        String value = join(first, " ");
        Optional<ValueParsers.Span> url = ValueParsers.url(value);
        if (url.isPresent()) {
            if (fits("F19", url.get().text())) {
                put(run, "F19", url.get().text());
            }
            value = value.substring(0, url.get().start()) + value.substring(url.get().end());
        }
        // "Landkreis Musterstadt-> www.…": the arrow and separators around the web address are no part of the name.
        String name = trim(value.replaceAll("(?:-{1,2}>|→|=>)", " ").replaceAll("\\s{2,}", " "), " ,;:(–-",
                " ,;:(–-");
        if (!name.isEmpty() && name.length() <= 200) {
            run.name = name;
            use(run, first);
        }
    }

    private void readPopulation(Run run) {
        List<Piece> first = firstParagraph(run.of(Target.POPULATION));
        if (first.isEmpty()) {
            return;
        }
        String value = join(first, " ");
        Optional<ValueParsers.DateMatch> stand = ValueParsers.dateMatch(value);
        String rest = value;
        if (stand.isPresent()) {
            put(run, "F18", stand.get().date());
            rest = blank(value, stand.get().start(), stand.get().end());
        }
        List<Long> numbers = ValueParsers.numbers(rest);
        if (numbers.isEmpty()) {
            return;
        }
        put(run, "F11", numbers.get(0));
        if (numbers.size() == 1 && trivial(rest.replaceAll("\\d[\\d.\u00a0 ]*", " "))) {
            use(run, first);
        }
    }

    private void readWebsite(Run run) {
        List<Piece> first = firstParagraph(run.of(Target.WEBSITE));
        String value = join(first, " ");
        Optional<ValueParsers.Span> url = ValueParsers.url(value);
        if (url.isPresent() && fits("F19", url.get().text())) {
            put(run, "F19", url.get().text());
            if (trivial(blank(value, url.get().start(), url.get().end()))) {
                use(run, first);
            }
        }
    }

    private void readPhone(Run run) {
        List<Piece> first = firstParagraph(run.of(Target.PHONE));
        if (first.isEmpty()) {
            return;
        }
        String value = PHONE_PREFIX.matcher(join(first, " ").strip()).replaceFirst("");
        if (fits("F16", value)) {
            put(run, "F16", value.strip());
            use(run, first);
            return;
        }
        Matcher phone = PHONE_RUN.matcher(value);
        if (phone.find() && fits("F16", phone.group())) {
            put(run, "F16", phone.group().strip());
            if (trivial(blank(value, phone.start(), phone.end()))) {
                use(run, first);
            }
        }
    }

    private void readEmail(Run run) {
        List<Piece> first = firstParagraph(run.of(Target.EMAIL));
        String value = join(first, " ");
        Optional<ValueParsers.Span> mail = ValueParsers.email(value);
        if (mail.isPresent() && fits("F17", mail.get().text())) {
            put(run, "F17", mail.get().text());
            if (trivial(blank(value, mail.get().start(), mail.get().end()).replaceAll("[<>]", " "))) {
                use(run, first);
            }
        }
    }

    private void readAddress(Run run) {
        List<Piece> pieces = run.of(Target.ADDRESS);
        String value = join(pieces, ", ").replaceAll(",\\s*,", ",");
        if (!pieces.isEmpty() && fits("F15", value)) {
            put(run, "F15", value);
            use(run, pieces);
        }
    }

    private static final Set<String> ORGANISATION = Set.of("amt", "buero", "verwaltung", "stadt", "gemeinde",
            "landkreis", "kreis", "e.v.", "referat", "fachbereich", "abteilung", "stelle", "zentrum", "rathaus",
            "strasse", "str.", "platz", "weg", "allee", "landratsamt", "integrationsbuero", "dienst", "team", "haus");

    /**
     * The contact block: "Erika Beispiel, Integrationsbüro Musterstadt, Hauptstraße 1, 12345
     * Musterstadt" or the same over several lines. The person is the first part that reads like a
     * name; phone and e-mail written into the block go to their own fields; the rest is the address.
     */
    private void readContact(Run run) {
        List<Piece> pieces = run.of(Target.CONTACT);
        if (pieces.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Piece p : pieces) {
            for (String part : p.text().split("\\s{0,3}[,;]\\s{0,3}")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        String person = null;
        List<String> address = new ArrayList<>();
        for (String part : parts) {
            Optional<ValueParsers.Span> mail = ValueParsers.email(part);
            String phone = PHONE_PREFIX.matcher(part).replaceFirst("");
            boolean phoneLike = !phone.equals(part) || (phone.replaceAll("[^0-9]", "").length() >= 6
                    && phone.chars().noneMatch(Character::isLetter));
            if (mail.isPresent() && trivial(blank(part, mail.get().start(), mail.get().end()))) {
                if (!run.answers.containsKey("F17") && fits("F17", mail.get().text())) {
                    put(run, "F17", mail.get().text());
                } else if (!mail.get().text().equals(run.answers.get("F17"))) {
                    address.add(part);
                }
            } else if (phoneLike && fits("F16", phone.strip())) {
                if (!run.answers.containsKey("F16")) {
                    put(run, "F16", phone.strip());
                } else if (!phone.strip().equals(run.answers.get("F16"))) {
                    address.add(part);
                }
            } else if (person == null && personLike(part)) {
                person = part;
            } else {
                address.add(part);
            }
        }
        if (person == null && !address.isEmpty() && address.get(0).chars().noneMatch(Character::isDigit)) {
            person = address.remove(0);
        }
        boolean placed = true;
        if (person != null) {
            placed = fits("F14", person);
            if (placed) {
                put(run, "F14", person);
            }
        }
        if (!address.isEmpty()) {
            String joined = String.join(", ", address);
            if (run.answers.get("F15") instanceof String known) {
                joined = joined + ", " + known;
            }
            boolean fits = fits("F15", joined);
            if (fits) {
                put(run, "F15", joined);
            }
            placed &= fits;
        }
        if (placed) {
            use(run, pieces);
        }
    }

    private static boolean personLike(String part) {
        if (part.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        String[] words = part.strip().split("\\s+");
        if (words.length < 2 || words.length > 6) {
            return false;
        }
        for (String w : words) {
            String folded = fold(w);
            if (ORGANISATION.stream().anyMatch(o -> folded.equals(o) || folded.endsWith(o) && o.length() > 4)) {
                return false;
            }
        }
        return true;
    }

    private void readTitle(Run run) {
        List<Piece> first = firstParagraph(run.of(Target.TITLE));
        String value = join(first, " ").strip();
        if (!first.isEmpty() && fits("F20", value)) {
            run.title = value;
            use(run, first);
        }
    }

    private void readSummary(Run run) {
        List<Piece> pieces = run.of(Target.SUMMARY);
        String value = paragraphs(pieces);
        if (!pieces.isEmpty() && fits("F23", value)) {
            run.summary = value;
            use(run, pieces);
        }
    }

    /** "Durchführung am 04.03.2017, 9:30 Uhr – 15:00 Uhr": the date and the times; the line is used up when nothing else is in it. */
    private boolean readDateLine(Run run, Piece piece) {
        String value = piece.text();
        Optional<ValueParsers.DateMatch> date = ValueParsers.dateMatch(value);
        String rest = value;
        boolean found = false;
        if (date.isPresent()) {
            run.answers.putIfAbsent("F21", date.get().date());
            rest = blank(rest, date.get().start(), date.get().end());
            found = true;
        }
        Optional<ValueParsers.Times> times = ValueParsers.times(rest);
        if (times.isPresent()) {
            run.answers.putIfAbsent("F25", times.get().start());
            if (times.get().end() != null) {
                run.answers.putIfAbsent("F26", times.get().end());
            }
            rest = blank(rest, times.get().from(), times.get().to());
            found = true;
        }
        boolean onlyThat = found && trivial(rest);
        if (onlyThat) {
            run.used[piece.line()] = true;
        }
        return onlyThat;
    }

    private void readDate(Run run, Target target) {
        for (Piece piece : firstParagraph(run.of(target))) {
            readDateLine(run, piece);
        }
    }

    /** The concept is the entry's description; a line that only gives the event's date and times goes to those. */
    private void readConcept(Run run) {
        List<Piece> pieces = new ArrayList<>(run.of(Target.CONCEPT));
        if (pieces.isEmpty()) {
            return;
        }
        for (int i = 0; i < Math.min(3, pieces.size()); i++) {
            Piece piece = pieces.get(i);
            if (!run.answers.containsKey("F21") && ValueParsers.dateMatch(piece.text()).isPresent()) {
                if (readDateLine(run, piece)) {
                    pieces.remove(i);
                    if (i < pieces.size() && !pieces.get(i).paragraphStart()) {
                        Piece next = pieces.get(i);
                        pieces.set(i, new Piece(next.line(), next.text(), true));
                    }
                }
                break;
            }
        }
        if (pieces.isEmpty()) {
            return;
        }
        String value = paragraphs(pieces);
        if (run.description != null) {
            value = run.description + "\n\n" + value;
        }
        if (fits("F24", value)) {
            run.description = value;
            use(run, pieces);
        }
    }

    private static final List<Map.Entry<String, FieldOfAction>> TOPIC_WORDS = List.of(
            Map.entry("arbeit", FieldOfAction.BESCHAEFTIGUNG), Map.entry("job", FieldOfAction.BESCHAEFTIGUNG),
            Map.entry("ausbildung", FieldOfAction.BILDUNG), Map.entry("wohnung", FieldOfAction.WOHNEN),
            Map.entry("deutschkurs", FieldOfAction.SPRACHE), Map.entry("integrationskurs", FieldOfAction.SPRACHE),
            Map.entry("kinder", FieldOfAction.FAMILIE), Map.entry("schul", FieldOfAction.BILDUNG),
            Map.entry("freiwillig", FieldOfAction.ENGAGEMENT), Map.entry("medizin", FieldOfAction.GESUNDHEIT));

    /**
     * Topics: each listed item ("• Sprache und Bildung", "Arbeit; Wohnen") becomes the field-of-action
     * codes it names; items naming none ("Mobilität") are kept as text in F51. A list naming every
     * field is the form's printed option list, not an answer.
     */
    private void readTopics(Run run) {
        List<Piece> pieces = run.of(Target.TOPICS);
        if (pieces.isEmpty()) {
            return;
        }
        Set<FieldOfAction> codes = java.util.EnumSet.noneOf(FieldOfAction.class);
        List<String> others = new ArrayList<>();
        for (Piece piece : pieces) {
            String item = BULLET.matcher(piece.text()).replaceFirst("").strip();
            if (item.isEmpty()) {
                continue;
            }
            boolean sentence = words(item) > 8 && item.endsWith(".");
            if (sentence) {
                codes.addAll(topics(item));
                others.add(item);
                continue;
            }
            for (String part : ITEM_SEPARATORS.split(item)) {
                String p = trim(part, " -–(", " .)");
                if (p.isEmpty()) {
                    continue;
                }
                List<FieldOfAction> named = topics(p);
                if (named.isEmpty()) {
                    others.add(p);
                } else {
                    codes.addAll(named);
                }
            }
        }
        if (codes.size() == FieldOfAction.values().length) {
            use(run, pieces);
            return;
        }
        if (!codes.isEmpty()) {
            put(run, "F50", codes.stream().map(Enum::name).toList());
        }
        if (!others.isEmpty()) {
            String more = String.join("\n", others);
            if (run.answers.get("F51") instanceof String before) {
                more = before + "\n" + more;
            }
            if (!fits("F51", more)) {
                return;
            }
            put(run, "F51", more);
        }
        use(run, pieces);
    }

    private static List<FieldOfAction> topics(String item) {
        Set<FieldOfAction> found = java.util.EnumSet.noneOf(FieldOfAction.class);
        found.addAll(FieldOfAction.mentionedIn(item));
        for (String word : fold(item).split("[^\\p{L}]+")) {
            for (Map.Entry<String, FieldOfAction> e : TOPIC_WORDS) {
                if (word.startsWith(e.getKey())) {
                    found.add(e.getValue());
                }
            }
        }
        return List.copyOf(found);
    }

    /** Participants: the total ("Insg. 95 Personen") and how many of them were refugees ("Teilnahme von 20 Geflüchteten"). */
    private void readParticipants(Run run) {
        List<Piece> count = run.of(Target.COUNT);
        String countText = fold(join(count, " "));
        String actors = fold(join(run.of(Target.ACTORS), "\n"));
        Long total = total(countText).orElse(null);
        if (total == null && !count.isEmpty()) {
            List<Long> numbers = ValueParsers.numbers(countText);
            total = numbers.isEmpty() ? null : numbers.get(0);
        }
        if (total == null) {
            total = total(actors).orElse(null);
        }
        if (total == null) {
            List<Long> persons = persons(actors);
            total = persons.size() == 1 ? persons.get(0) : null;
        }
        if (total == null && words(actors) <= 4 && ValueParsers.numbers(actors).size() == 1) {
            total = ValueParsers.numbers(actors).get(0); // "Teilnehmende: ca. 95"
        }
        if (total != null) {
            put(run, "F61", total);
        }
        Long refugees = refugees(countText).or(() -> refugees(actors)).orElse(null);
        // Elsewhere in the report ("… unter Teilnahme von 20 Geflüchteten"), but not the situation
        // before the event, which counts the refugees living in the town, not those who took part.
        for (var entry : run.content.entrySet()) {
            if (refugees != null) {
                break;
            }
            if (entry.getKey() == Target.SITUATION) {
                continue;
            }
            for (Piece piece : entry.getValue()) {
                if (piece.text().length() <= 5_000) {
                    refugees = refugees(fold(piece.text())).orElse(null);
                    if (refugees != null) {
                        break;
                    }
                }
            }
        }
        if (refugees != null && (total == null || refugees <= total)) {
            put(run, "F62", refugees);
        }
        if (!count.isEmpty() && total != null) {
            String rest = countText.replaceAll("\\d[\\d.]*", " ");
            if (trivial(rest)) {
                use(run, count);
            }
        }
    }

    private static Optional<Long> total(String folded) {
        Matcher m = TOTAL_PARTICIPANTS.matcher(folded);
        return m.find() ? Optional.of(Long.parseLong(m.group(1).replace(".", ""))) : Optional.empty();
    }

    private static List<Long> persons(String folded) {
        List<Long> found = new ArrayList<>();
        Matcher m = PERSONS.matcher(folded);
        while (m.find()) {
            long n = Long.parseLong(m.group(1).replace(".", ""));
            if (!found.contains(n)) {
                found.add(n);
            }
        }
        return found;
    }

    /** A count of refugees said in a sentence about taking part (not "in der Stadt leben 150 Geflüchtete"). */
    private static Optional<Long> refugees(String folded) {
        for (String sentence : folded.split("(?<=[.!?;\\n])\\s")) {
            if (!PARTICIPATION.matcher(sentence).find()) {
                continue;
            }
            Matcher m = REFUGEES.matcher(sentence);
            if (m.find()) {
                return Optional.of(Long.parseLong(m.group(1).replace(".", "")));
            }
        }
        return Optional.empty();
    }

    private enum Cost { TOTAL, FUNDING, CONSULTING, MATERIAL, OTHER }

    /**
     * Costs: each line with an amount is a cost line of its kind (consulting and moderation,
     * material, other, the total, the funding); several lines of one kind add up; the total,
     * when the text gives none, is the lines' sum, marked as derived. The ratio question's answer
     * is yes or no with its reasons; other text is the explanation of the costs.
     */
    private void readCosts(Run run) {
        Map<Cost, Long> sums = new EnumMap<>(Cost.class);
        List<String> otherKinds = new ArrayList<>();
        List<Piece> notes = new ArrayList<>();
        for (Target target : List.of(Target.TOTAL, Target.FUNDING)) {
            for (Piece piece : firstParagraph(run.of(target))) {
                Optional<ValueParsers.Amount> amount = ValueParsers.amountOnLine(piece.text());
                if (amount.isPresent()) {
                    sums.merge(target == Target.TOTAL ? Cost.TOTAL : Cost.FUNDING, amount.get().cents(), Long::sum);
                    run.used[piece.line()] = true;
                    break;
                }
            }
        }
        List<Piece> costLines = new ArrayList<>(run.of(Target.COSTS));
        List<Piece> ratio = new ArrayList<>();
        for (Piece piece : run.of(Target.RATIO)) {
            // Cost lines printed under the ratio question still are cost lines.
            (ratio.isEmpty() && costLine(piece.text()).isPresent() ? costLines : ratio).add(piece);
        }
        for (Piece piece : costLines) {
            String line = BULLET.matcher(piece.text()).replaceFirst("");
            Optional<ValueParsers.Amount> amount = costLine(line);
            if (amount.isEmpty()) {
                notes.add(piece);
                continue;
            }
            String kind = trim(line.substring(0, amount.get().start())
                    .replaceAll("(?i)\\bca\\.?|\\brund\\b|\\betwa\\b", " "), " ", " :=–-");
            String after = line.substring(amount.get().end()).strip();
            if (kind.isEmpty() && !after.isEmpty()) {
                kind = trim(after, " :=–(-", " )");
            }
            Cost cost = cost(fold(kind));
            sums.merge(cost, amount.get().cents(), Long::sum);
            if (cost == Cost.OTHER && !kind.isEmpty()) {
                otherKinds.add(kind);
            }
            run.used[piece.line()] = true;
        }
        sums.forEach((cost, cents) -> {
            switch (cost) {
                case TOTAL -> put(run, "F90", cents);
                case FUNDING -> put(run, "F91", cents);
                case CONSULTING -> put(run, "F93", cents);
                case MATERIAL -> put(run, "F94", cents);
                case OTHER -> put(run, "F95", cents);
            }
        });
        if (!otherKinds.isEmpty() && fits("F96", String.join("; ", otherKinds))) {
            put(run, "F96", String.join("; ", otherKinds));
        }
        if (!sums.containsKey(Cost.TOTAL) && (sums.containsKey(Cost.CONSULTING) || sums.containsKey(Cost.MATERIAL)
                || sums.containsKey(Cost.OTHER))) {
            long total = sums.getOrDefault(Cost.CONSULTING, 0L) + sums.getOrDefault(Cost.MATERIAL, 0L)
                    + sums.getOrDefault(Cost.OTHER, 0L);
            put(run, "F90", total);
            run.derived.add("answers.F90");
        }
        readRatio(run, ratio);
        List<Piece> explanation = new ArrayList<>(notes);
        explanation.addAll(run.of(Target.COSTS_NOTE));
        if (!explanation.isEmpty()) {
            String value = paragraphs(explanation);
            if (fits("F92", value)) {
                put(run, "F92", value);
                use(run, explanation);
            }
        }
    }

    /**
     * The amount of a cost line: "Beratung und Moderation: 3,120,00 €", "EUR 250 Dolmetscher";
     * not a sentence that happens to name an amount ("Für knapp 5.000 Euro sind …").
     */
    private static Optional<ValueParsers.Amount> costLine(String text) {
        String line = BULLET.matcher(text.strip()).replaceFirst("");
        if (line.length() > 200) {
            return Optional.empty();
        }
        Optional<ValueParsers.Amount> amount = ValueParsers.amountOnLine(line);
        if (amount.isEmpty()) {
            return amount;
        }
        String before = line.substring(0, amount.get().start());
        String after = line.substring(amount.get().end()).replaceAll("\\([^()]{0,60}\\)", " ");
        String[] first = fold(before).strip().split("[^\\p{L}]+", 3);
        boolean answer = first.length > 0 && (first[0].equals("ja") || first[0].equals("nein"));
        return !answer && words(after) <= 3 && words(before) <= 10 ? amount : Optional.empty();
    }

    private static Cost cost(String kind) {
        if (kind.isEmpty() || kind.matches("(?:kosten )?(?:gesamt|insgesamt|summe|total)(?: kosten)?|gesamtkosten|kosten"
                + "|gesamtsumme|summe gesamt|kosten gesamt")) {
            return Cost.TOTAL;
        }
        if (kind.contains("foerder") || kind.contains("zuschuss") || kind.contains("zuwendung")
                || kind.contains("erstatt")) {
            return Cost.FUNDING;
        }
        if (kind.contains("beratung") || kind.contains("moderation") || kind.contains("moderator")
                || kind.contains("honorar") || kind.contains("referent") || kind.contains("prozessbegleit")
                || kind.contains("coaching")) {
            return Cost.CONSULTING;
        }
        if (kind.contains("sachmittel") || kind.contains("sachkosten") || kind.contains("material")
                || kind.contains("ausrichtung") || kind.contains("verpflegung") || kind.contains("catering")
                || kind.contains("bewirtung") || kind.contains("miete") || kind.contains("raum")
                || kind.contains("druck") || kind.contains("getraenke") || kind.contains("technik")) {
            return Cost.MATERIAL;
        }
        return Cost.OTHER;
    }

    /** "Ja! Die Ergebnisse rechtfertigen den Aufwand." → YES and the reasons; no yes or no → only the text. */
    private void readRatio(Run run, List<Piece> pieces) {
        if (pieces.isEmpty()) {
            return;
        }
        String first = pieces.get(0).text();
        String answer = ticked(first);
        String[] words = fold(first).split("[^\\p{L}]+", 6);
        for (int i = 0; answer == null && i < Math.min(words.length, 3); i++) {
            if (words[i].equals("ja")) {
                answer = "YES";
            } else if (words[i].equals("nein")) {
                answer = "NO";
            }
        }
        String reasons = paragraphs(pieces);
        if (answer != null && ticked(first) != null) {
            reasons = reasons.substring(first.length()).strip(); // the checkbox line itself says no more
        } else if (answer != null) {
            reasons = reasons.replaceFirst("(?iu)^(?:\\p{L}{1,12}\\s{1,3}){0,2}?(?:ja|nein)\\b[\\s!.,:;–-]{0,5}", "");
        }
        if (answer != null) {
            put(run, "F97", answer);
        }
        if (!reasons.isBlank()) {
            if (!fits("F98", reasons)) {
                if (answer != null) {
                    run.answers.remove("F97");
                }
                return;
            }
            String text = reasons.strip();
            put(run, "F98", Character.toUpperCase(text.charAt(0)) + text.substring(1));
        }
        use(run, pieces);
    }

    private static final String CHECKED = "☒☑✔✓✗⊠";

    /** "☒ Ja ☐ Nein", "[x] ja [ ] nein": the option after a ticked box. */
    private static String ticked(String line) {
        String s = fold(line).replace("[x]", "☒").replace("(x)", "☒");
        for (int i = 0; i < s.length(); i++) {
            if (CHECKED.indexOf(s.charAt(i)) >= 0) {
                String after = s.substring(i + 1).strip();
                if (after.startsWith("ja")) {
                    return "YES";
                }
                if (after.startsWith("nein")) {
                    return "NO";
                }
            }
        }
        return null;
    }

    private void readPreamble(Run run) {
        for (Piece piece : run.of(Target.PREAMBLE)) {
            String folded = fold(piece.text());
            boolean title = words(folded) <= 12 && (folded.contains("fluechtlingsdialog") || folded.startsWith("bericht")
                    || folded.startsWith("dokumentation") || folded.equals(fold(form.title())));
            if (title || run.name != null && folded.equals(fold(run.name))) {
                run.used[piece.line()] = true;
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** The text without the given characters at its start and end (and without surrounding whitespace). */
    static String trim(String s, String leading, String trailing) {
        int from = 0;
        int to = s.length();
        while (from < to && (leading.indexOf(s.charAt(from)) >= 0 || Character.isWhitespace(s.charAt(from)))) {
            from++;
        }
        while (to > from && (trailing.indexOf(s.charAt(to - 1)) >= 0 || Character.isWhitespace(s.charAt(to - 1)))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static String blank(String s, int start, int end) {
        return s.substring(0, start) + " " + s.substring(end);
    }

    /** Nothing left but filler words, punctuation and parentheses. */
    private static boolean trivial(String rest) {
        for (String word : fold(rest).split("[^\\p{L}\\p{N}-]+")) {
            String w = trim(word, "-", "-");
            if (!w.isEmpty() && !FILLER.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
