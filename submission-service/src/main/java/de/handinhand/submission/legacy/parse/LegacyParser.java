package de.handinhand.submission.legacy.parse;

import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.Option;
import de.handinhand.submission.form.Question;
import de.handinhand.submission.form.QuestionType;
import de.handinhand.submission.form.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text export of an entry form into answers of a {@link Form}: the competition form
 * here, the Flüchtlingsdialog report in {@link DialogReportParser}.
 *
 * <p>The form drives the parse: question codes ("C 26a", "D 24"), question labels ("Typ:",
 * "Kurzfassung des Wettbewerbsbeitrags") and section titles are the anchors; the lines after an
 * anchor are its value. A choice question's value is the option lines the export printed: the
 * full list is the form's echo (nothing was ticked that the text can show), a strict subset is the
 * answer. Every line the parser uses is marked; every non-blank line left unmarked ends up verbatim
 * in {@code unplaced}, so nothing of the source is ever dropped. A single project without a title
 * gets one from its own text ({@link ProjectTitles}), listed in {@code derived}.
 */
public final class LegacyParser {

    /** "C10", "C37a Label", "D2 3:" — possessive, so a long line cannot make it backtrack. */
    private static final Pattern CODE_LABEL = Pattern.compile("^([CD])\\s*+(\\d)(\\d)([a-z]?)(?:\\s.*+|:\\s*+)?$");
    /** Longer lines are content: no label or option of either form comes near this length. */
    static final int MAX_LABEL = 600;
    private static final Pattern C_SECTION = Pattern.compile("^C[1-9]\\s+\\S.*$");
    private static final Pattern PROJECT = Pattern.compile("^Einzelprojekt\\s+(\\d{1,2})\\s*:?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET = Pattern.compile("^[-•*–·]\\s*");
    // No surrounding \\s* and no "(" inside: linear on runs of spaces or "(" (PatternsAreLinearTest);
    // fold() collapses the spaces this leaves. A nested remark loses only its inner parentheses.
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*+\\)");
    static final Pattern UNICODE_SPACES = Pattern.compile("[\u00a0\u2007\u202f\u2009\u200a]");
    private static final Set<String> STRUCTURE = Set.of("fragen zum wettbewerbsbeitrag", "einzelprojekte",
            "kommunaler fluechtlingsdialog", "bericht");

    private final Form form;
    private final Map<String, Question> byCode;
    private final Map<String, Question> projectByCode;
    private final Map<String, Question> byLabel = new HashMap<>();
    private final Map<String, Section> sectionByTitle = new HashMap<>();
    private final Set<String> groupLabels = new LinkedHashSet<>();
    private final Set<String> groupCodes = new LinkedHashSet<>();

    public LegacyParser(Form form) {
        this.form = form;
        this.byCode = form.questionsByCode();
        this.projectByCode = form.projectQuestionsByCode();
        for (Section section : form.sections()) {
            sectionByTitle.put(fold(section.title()), section);
            for (Question q : section.questions()) {
                if (!q.code().matches("[CD]\\d\\d[a-z]?")) {
                    byLabel.put(fold(q.label()), q);
                }
                if (q.group() != null) {
                    groupLabels.add(fold(q.group().label()));
                    groupCodes.add(q.group().code());
                }
            }
        }
    }

    private enum Kind { PREAMBLE, STRUCTURE, ATTACHMENTS, UNKNOWN_LABEL, PROJECT, FIELD }

    private record Anchor(Kind kind, Question question, int project) {

        static Anchor of(Kind kind) {
            return new Anchor(kind, null, 0);
        }
    }

    private record Block(Anchor anchor, int line, List<Integer> content) {
    }

    /** Parses the text; never fails, at worst everything is unplaced. */
    public ParsedEntry parse(String text) {
        if (form.template() == FormTemplate.FLUECHTLINGSDIALOG) {
            // The report's real exports are label/question/answer runs without codes: a reader of their own.
            return new DialogReportParser(form).parse(text);
        }
        List<String> raw = lines(text);
        // Exports put non-breaking spaces after labels ("C 26:\u00a0"); parse with plain spaces.
        List<String> lines = raw.stream().map(l -> UNICODE_SPACES.matcher(l).replaceAll(" ").stripTrailing()).toList();
        boolean[] consumed = new boolean[lines.size()];
        List<Block> blocks = blocks(lines);

        Map<String, String> registry = new HashMap<>();
        String[] fields = new String[3];
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<Integer, Map<String, Object>> projectAnswers = new TreeMap<>();
        Map<Integer, List<Integer>> projectFree = new TreeMap<>();
        Map<Integer, List<Integer>> projectLines = new TreeMap<>();

        for (Block block : blocks) {
            Anchor anchor = block.anchor();
            switch (anchor.kind()) {
                case PREAMBLE, UNKNOWN_LABEL -> {
                    // Decided below (preamble) or left for unplaced (a label the form does not know).
                }
                case STRUCTURE, ATTACHMENTS -> consumed[block.line()] = true;
                case PROJECT -> {
                    consumed[block.line()] = true;
                    projectFree.computeIfAbsent(anchor.project(), k -> new ArrayList<>()).addAll(block.content());
                    projectLines.computeIfAbsent(anchor.project(), k -> new ArrayList<>()).add(block.line());
                    projectLines.get(anchor.project()).addAll(block.content());
                }
                case FIELD -> {
                    consumed[block.line()] = true;
                    Question q = anchor.question();
                    placeField(block, anchor, q, lines, consumed, registry, fields, answers, projectAnswers,
                            projectLines);
                }
            }
        }

        List<String> derived = new ArrayList<>();
        List<Map<String, Object>> projects = projects(projectAnswers, projectFree, projectLines, lines, consumed,
                derived);
        String name = registry.getOrDefault("A1", registry.get("F10"));
        preamble(blocks, lines, consumed, name);
        for (Block block : blocks) {
            List<Integer> written = block.content().stream().filter(i -> !lines.get(i).isBlank()).toList();
            if (block.anchor().kind() == Kind.FIELD && !written.isEmpty() && written.stream().noneMatch(i -> consumed[i])) {
                // An answer that could not be placed at all keeps its label in unplaced, to say what it was.
                consumed[block.line()] = false;
            }
        }
        return new ParsedEntry(name, registry.get("A2"), registry.get("A3"), fields[0], fields[1], fields[2], answers,
                projects, unplaced(raw, lines, consumed), derived);
    }

    private void placeField(Block block, Anchor anchor, Question q, List<String> lines, boolean[] consumed,
            Map<String, String> registry, String[] fields, Map<String, Object> answers,
            Map<Integer, Map<String, Object>> projectAnswers, Map<Integer, List<Integer>> projectLines) {
        if (anchor.project() > 0) {
            projectLines.computeIfAbsent(anchor.project(), k -> new ArrayList<>()).add(block.line());
            projectLines.get(anchor.project()).addAll(block.content());
            Object value = value(q, block.content(), lines, consumed);
            if (value != null) {
                projectAnswers.computeIfAbsent(anchor.project(), k -> new LinkedHashMap<>()).put(q.code(), value);
            }
        } else if (q.field() != null) {
            List<Integer> from = q.field().equals("title") ? firstParagraph(block.content(), lines)
                    : block.content();
            String value = paragraphs(from, lines, consumed);
            switch (q.field()) {
                case "title" -> fields[0] = value == null ? null : value.replace('\n', ' ');
                case "summary" -> fields[1] = value;
                default -> fields[2] = value;
            }
        } else if (q.readOnly()) {
            String value = paragraphs(firstParagraph(block.content(), lines), lines, consumed);
            if (value != null) {
                registry.put(q.code(), value.replace('\n', ' '));
            }
        } else {
            Object value = value(q, block.content(), lines, consumed);
            if (value != null) {
                answers.put(q.code(), value);
            }
        }
    }

    // --- reading the lines into anchored blocks ------------------------------------------------

    private List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        Block current = new Block(Anchor.of(Kind.PREAMBLE), -1, new ArrayList<>());
        blocks.add(current);
        int project = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                current.content().add(i);
                continue;
            }
            Anchor anchor = anchor(line, lines, i, project);
            if (anchor == null) {
                current.content().add(i);
                continue;
            }
            if (anchor.kind() == Kind.PROJECT) {
                project = anchor.project();
            }
            current = new Block(anchor, i, new ArrayList<>());
            blocks.add(current);
        }
        return blocks;
    }

    private Anchor anchor(String line, List<String> lines, int index, int project) {
        if (line.length() > MAX_LABEL) {
            return null;
        }
        Matcher projectHeading = PROJECT.matcher(line);
        if (projectHeading.matches()) {
            return new Anchor(Kind.PROJECT, null, Integer.parseInt(projectHeading.group(1)));
        }
        String folded = fold(line);
        if (folded.equals("anlagen") || folded.startsWith("anlagen:")) {
            return Anchor.of(Kind.ATTACHMENTS);
        }
        if (!projectByCode.isEmpty() || byCode.keySet().stream().anyMatch(c -> c.matches("C\\d\\d.*"))) {
            Matcher code = CODE_LABEL.matcher(line);
            if (code.matches()) {
                return codeAnchor(code);
            }
            if (C_SECTION.matcher(line).matches() && folded.contains("fragen")) {
                return Anchor.of(Kind.STRUCTURE);
            }
        }
        Question labelled = byLabel.get(folded);
        Section section = sectionByTitle.get(folded);
        if (labelled != null) {
            // A section heading that is also a question's label (e.g. "Beschreibung des
            // Wettbewerbsbeitrags"): a heading when another label follows at once, else the question.
            if (section != null && nextIsAnchor(lines, index, project)) {
                return Anchor.of(Kind.STRUCTURE);
            }
            return new Anchor(Kind.FIELD, labelled, 0);
        }
        if (section != null || groupLabels.contains(folded) || STRUCTURE.contains(folded)
                || folded.equals(fold(form.title()))) {
            return Anchor.of(Kind.STRUCTURE);
        }
        return null;
    }

    private Anchor codeAnchor(Matcher code) {
        String letter = code.group(1);
        int first = Integer.parseInt(code.group(2));
        String second = code.group(3);
        String suffix = code.group(4);
        if (letter.equals("D")) {
            // The n-th single project's questions are numbered Dn0…Dn5; the API uses D10…D15 for all.
            Question q = projectByCode.get("D1" + second + suffix);
            return q == null || first == 0 ? Anchor.of(Kind.UNKNOWN_LABEL) : new Anchor(Kind.FIELD, q, first);
        }
        String c = "C" + first + second + suffix;
        if (groupCodes.contains(c)) {
            return Anchor.of(Kind.STRUCTURE);
        }
        Question q = byCode.get(c);
        return q == null ? Anchor.of(Kind.UNKNOWN_LABEL) : new Anchor(Kind.FIELD, q, 0);
    }

    private boolean nextIsAnchor(List<String> lines, int index, int project) {
        for (int j = index + 1; j < lines.size(); j++) {
            String next = lines.get(j).strip();
            if (!next.isEmpty()) {
                Anchor anchor = anchor(next, lines, lines.size(), project);
                return anchor != null && anchor.kind() == Kind.FIELD;
            }
        }
        return true;
    }

    // --- interpreting a block's lines ----------------------------------------------------------

    private Object value(Question q, List<Integer> content, List<String> lines, boolean[] consumed) {
        // A one-line answer is the first paragraph after its label; what follows a blank line is not part of it.
        List<Integer> text = q.type() == QuestionType.LONG_TEXT ? nonBlank(content, lines)
                : firstParagraph(content, lines);
        if (text.isEmpty()) {
            return null;
        }
        return switch (q.type()) {
            case TEXT, LONG_TEXT -> {
                String value = q.type() == QuestionType.TEXT ? join(text, lines, " ") : paragraphs(content, lines, null);
                boolean fits = q.maxLength() == null || value.length() <= q.maxLength();
                boolean shaped = q.pattern() == null || value.matches(q.pattern());
                if (fits && shaped) {
                    text.forEach(i -> consumed[i] = true);
                    yield value;
                }
                yield null;
            }
            case YES_NO, YES_NO_PLANNED, SINGLE_CHOICE, MULTI_CHOICE -> choice(q, text, lines, consumed);
            case NUMBER -> {
                List<Long> numbers = ValueParsers.numbers(join(text, lines, " "));
                if (numbers.isEmpty()) {
                    yield null;
                }
                if (numbers.size() == 1) {
                    // Several numbers ("180, davon 60 …"): the first is taken, the whole text stays in unplaced.
                    text.forEach(i -> consumed[i] = true);
                }
                yield numbers.get(0);
            }
            case MONEY -> ValueParsers.cents(join(text, lines, " ")).map(cents -> {
                text.forEach(i -> consumed[i] = true);
                return (Object) cents;
            }).orElse(null);
            case DATE -> ValueParsers.date(join(text, lines, " ")).map(date -> {
                text.forEach(i -> consumed[i] = true);
                return (Object) date;
            }).orElse(null);
        };
    }

    /**
     * Option lines: the complete list is the form's echo (no answer to read), a strict subset is
     * the answer. Lines that are no option stay unplaced.
     */
    private Object choice(Question q, List<Integer> text, List<String> lines, boolean[] consumed) {
        List<Option> options = q.choices();
        Set<String> chosen = new LinkedHashSet<>();
        List<Integer> matched = new ArrayList<>();
        for (int i : text) {
            List<String> codes = match(options, lines.get(i));
            if (!codes.isEmpty()) {
                chosen.addAll(codes);
                matched.add(i);
            }
        }
        if (chosen.isEmpty()) {
            return null;
        }
        matched.forEach(i -> consumed[i] = true);
        if (chosen.size() == options.size()) {
            return null;
        }
        if (q.type() == QuestionType.MULTI_CHOICE) {
            return List.copyOf(options.stream().map(Option::code).filter(chosen::contains).toList());
        }
        if (chosen.size() == 1) {
            return chosen.iterator().next();
        }
        // Several options of a single choice: the text cannot tell which one; keep it unplaced.
        matched.forEach(i -> consumed[i] = false);
        return null;
    }

    private static List<String> match(List<Option> options, String line) {
        if (line.length() > MAX_LABEL) {
            return List.of();
        }
        String folded = fold(BULLET.matcher(line.strip()).replaceFirst(""));
        for (Option option : options) {
            if (fold(option.label()).equals(folded) || option.code().equalsIgnoreCase(folded)) {
                return List.of(option.code());
            }
        }
        String bare = fold(PARENTHESES.matcher(folded).replaceAll(" "));
        List<String> loose = options.stream().filter(o -> fold(PARENTHESES.matcher(o.label()).replaceAll(" "))
                .equals(bare)).map(Option::code).toList();
        if (loose.size() == 1) {
            return loose;
        }
        // Topic lists name fields of action in their own words ("Arbeit und Ausbildung").
        if (options.stream().allMatch(o -> isFieldOfAction(o.code()))) {
            return FieldOfAction.mentionedIn(line).stream().map(Enum::name).toList();
        }
        return List.of();
    }

    private static boolean isFieldOfAction(String code) {
        for (FieldOfAction field : FieldOfAction.values()) {
            if (field.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private List<Map<String, Object>> projects(Map<Integer, Map<String, Object>> answers,
            Map<Integer, List<Integer>> free, Map<Integer, List<Integer>> all, List<String> lines, boolean[] consumed,
            List<String> derived) {
        Set<Integer> numbers = new java.util.TreeSet<>(answers.keySet());
        numbers.addAll(free.keySet());
        List<Map<String, Object>> projects = new ArrayList<>();
        for (int n : numbers) {
            Map<String, Object> project = new LinkedHashMap<>(answers.getOrDefault(n, Map.of()));
            List<Integer> unlabelled = nonBlank(free.getOrDefault(n, List.of()), lines);
            if (!project.containsKey("D15") && !unlabelled.isEmpty()) {
                // A single project without D labels: its text is the project's description.
                project.put("D15", paragraphs(free.get(n), lines, consumed));
            }
            if (project.isEmpty()) {
                continue;
            }
            if (projects.size() < form.maxProjects()) {
                if (!project.containsKey("D10") && project.get("D15") instanceof String text) {
                    // No title in the export: one from the project's own text, marked as derived.
                    int index = projects.size();
                    ProjectTitles.fromText(text).ifPresent(title -> {
                        project.put("D10", title);
                        derived.add("projects[" + index + "].answers.D10");
                    });
                }
                projects.add(project);
            } else {
                // More projects than the form holds: keep their text, unplaced.
                all.get(n).forEach(i -> consumed[i] = false);
            }
        }
        return projects;
    }

    private static void preamble(List<Block> blocks, List<String> lines, boolean[] consumed, String name) {
        Block preamble = blocks.get(0);
        for (int i : preamble.content()) {
            String line = fold(lines.get(i));
            if (name != null && line.equals(fold(name))) {
                consumed[i] = true;
            }
        }
    }

    static List<String> unplaced(List<String> raw, List<String> lines, boolean[] consumed) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = raw.get(i);
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (consumed[i]) {
                if (run.length() > 0) {
                    runs.add(run.toString());
                    run.setLength(0);
                }
                continue;
            }
            if (run.length() > 0) {
                run.append('\n');
            }
            run.append(line);
        }
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    // --- text helpers --------------------------------------------------------------------------

    static List<String> lines(String text) {
        String normalised = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>();
        for (String line : normalised.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    /** The first run of non-blank lines. */
    private static List<Integer> firstParagraph(List<Integer> indices, List<String> lines) {
        List<Integer> paragraph = new ArrayList<>();
        for (int i : indices) {
            if (lines.get(i).isBlank()) {
                if (!paragraph.isEmpty()) {
                    break;
                }
            } else {
                paragraph.add(i);
            }
        }
        return paragraph;
    }

    private static List<Integer> nonBlank(List<Integer> indices, List<String> lines) {
        return indices.stream().filter(i -> !lines.get(i).isBlank()).toList();
    }

    private static String join(List<Integer> indices, List<String> lines, String separator) {
        return String.join(separator, indices.stream().map(i -> lines.get(i).strip()).toList());
    }

    /**
     * The lines as paragraphs: leading and trailing blank lines dropped, runs of blank lines
     * become one, each line stripped. Marks the lines used when {@code consumed} is given.
     */
    private static String paragraphs(List<Integer> indices, List<String> lines, boolean[] consumed) {
        StringBuilder text = new StringBuilder();
        boolean blank = false;
        for (int i : indices) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                blank = text.length() > 0;
                continue;
            }
            if (text.length() > 0) {
                text.append(blank ? "\n\n" : "\n");
            }
            text.append(line);
            blank = false;
            if (consumed != null) {
                consumed[i] = true;
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** For comparing labels: lower case, umlauts spelled out, quotes and dashes unified, no trailing ':'. */
    static String fold(String s) {
        String folded = FieldOfAction.fold(s)
                .replace('„', '"').replace('“', '"').replace('”', '"').replace("–", "-")
                .replaceAll("\\s+", " ").strip();
        while (folded.endsWith(":")) {
            folded = folded.substring(0, folded.length() - 1).strip();
        }
        return folded;
    }
}
