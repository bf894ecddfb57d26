package de.handinhand.submission.legacy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.MunicipalityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding the municipality a text speaks for, in a registry of the demo Kommunen and invented ones. */
class MunicipalityFinderTest {

    static String fixture(String name) throws IOException {
        try (var in = MunicipalityFinderTest.class.getResourceAsStream("/legacy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Municipality m(String id, String name, MunicipalityType type) {
        Municipality m = new Municipality();
        m.id = id;
        m.name = name;
        m.type = type;
        m.kreisId = id.substring(0, 5);
        return m;
    }

    static final List<Municipality> REGISTRY = List.of(
            m("08125", "Landkreis Heilbronn", MunicipalityType.LANDKREIS),
            m("05562", "Kreis Recklinghausen", MunicipalityType.LANDKREIS),
            m("09174", "Landkreis Dachau", MunicipalityType.LANDKREIS),
            m("08135", "Landkreis Heidenheim", MunicipalityType.LANDKREIS),
            m("06636", "Werra-Meißner-Kreis", MunicipalityType.LANDKREIS),
            m("06636001", "Bad Sooden-Allendorf", MunicipalityType.STADT),
            m("06997", "Landkreis Weidenstein", MunicipalityType.LANDKREIS),
            m("06997001", "Lindenbrunn", MunicipalityType.STADT),
            m("06997002", "Kleinmoorbach", MunicipalityType.GEMEINDE),
            m("09997", "Landkreis Hohenried", MunicipalityType.LANDKREIS),
            m("09997001", "Stadt Hohenried", MunicipalityType.STADT));

    static String find(String named, String text) {
        return new MunicipalityFinder(REGISTRY).find(named, null, text).id;
    }

    static ValidationException refused(String named, String text) {
        return assertThrows(ValidationException.class, () -> new MunicipalityFinder(REGISTRY).find(named, null, text));
    }

    @Test
    void aTownNamedOnlyInTheNarrativeWinsOverItsMoreOftenNamedKreisBecauseItSpeaks() throws IOException {
        String text = fixture("wettbewerb-lindenbrunn-ohne-kontakt.txt");
        assertTrue(text.split("Landkreis(es)? Weidenstein", -1).length - 1 > text.split("Lindenbrunn", -1).length - 1,
                "the fixture names the Kreis more often than the town");
        assertEquals("06997001", find(null, text));
    }

    @Test
    void aKreisThatSpeaksWinsOverTheTownsItNamesMoreOften() throws IOException {
        assertEquals("06997", find(null, fixture("wettbewerb-landkreis-weidenstein.txt")));
    }

    @Test
    void aTrueTieIsRefusedNamingTheCandidates() throws IOException {
        ValidationException e = refused(null, fixture("wettbewerb-gleichstand.txt"));
        assertEquals("municipalityId", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("Kleinmoorbach (06997002"), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains("Lindenbrunn (06997001"), e.errors().toString());
    }

    @Test
    void anUnknownTownIsRefusedNamingWhatTheTextCallsIt() throws IOException {
        ValidationException e = refused(null, fixture("wettbewerb-wolkenheim.txt"));
        assertEquals("municipalityId", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("no registered municipality"), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains("Stadt Wolkenheim"), e.errors().toString());
    }

    @Test
    void aReportsNameLineDecidesAndTheSpeakingKindSeparatesATownFromItsKreisOfTheSameName() throws IOException {
        assertEquals("06997", find("Landkreis Weidenstein", fixture("fluechtlingsdialog-landkreis-weidenstein.txt")));
        // "Hohenried" alone names the town and the Kreis; "In unserer Stadt" says which one reports.
        assertEquals("09997001", find("Hohenried", fixture("fluechtlingsdialog-stadt-hohenried.txt")));
        assertEquals("09997", find("Hohenried", "Unser Landkreis lud ein. Hohenried ist Kreisstadt."));
        assertEquals("09997", find("Landkreis Hohenried", "Die Stadt begleitet uns."), "the name line is explicit");
        assertEquals("06997002", find(null, fixture("fluechtlingsdialog-gemeinde-kleinmoorbach.txt")));
    }

    @Test
    void withoutAnySpeakerTheKindWordsAndFrequencyDecide() {
        assertEquals("09997", find(null, "Im Landkreis Hohenried gibt es viel zu tun. Hohenried liegt im Süden."));
        assertEquals("09997001", find(null, "In der Stadt Hohenried gibt es viel zu tun. Hohenried liegt im Süden."));
        ValidationException e = refused(null, "Hohenried liegt im Süden.");
        assertTrue(e.errors().get(0).message().contains("Stadt Hohenried"), "a bare name of a town and its Kreis");
        assertTrue(e.errors().get(0).message().contains("Landkreis Hohenried"));
    }

    @Test
    void namesMatchAsWholeWordsInTheirInflectionsAndSpellings() {
        assertEquals("06636", find(null, "Unterstützt vom Jobcenter des Werra-Meißner-Kreises."));
        assertEquals("06636", find(null, "im WERRA-MEISSNER-KREIS"), "case and ß spelled ss");
        assertEquals("09174", find(null, "Die Landrätin des Landkreises Dachau lud ein."));
        assertEquals("08125", find(null, "Das Landratsamt Heilbronn koordiniert."));
        assertEquals("06636001", find(null, "Unsere Stadt Bad Sooden-Allendorf"));
        refused(null, "Das Dachauer Land und die Heilbronner Straße."); // adjectives and compounds are no names
        List<Municipality> withAllendorf = new ArrayList<>(REGISTRY);
        withAllendorf.add(m("06636002", "Allendorf", MunicipalityType.GEMEINDE));
        assertEquals("06636001", new MunicipalityFinder(withAllendorf).find(null, null,
                "Unsere Stadt Bad Sooden-Allendorf lädt ein.").id, "no match inside a hyphenated name");
    }

    @Test
    void registryNamesWithTheKindAfterACommaAreUnderstood() {
        List<Municipality> registry = List.of(m("09174115", "Dachau, Große Kreisstadt", MunicipalityType.STADT),
                m("09174", "Dachau", MunicipalityType.LANDKREIS));
        assertEquals("09174115", new MunicipalityFinder(registry).find(null, null, "Unsere Stadt Dachau").id);
        assertEquals("09174", new MunicipalityFinder(registry).find(null, null, "Der Landkreis Dachau und unser "
                + "Landkreis").id);
    }

    @Test
    void theContactBlocksNameMustBeRegistered() {
        ValidationException e = refused("Hintertupfingen", "Hintertupfingen im Landkreis Dachau.");
        assertTrue(e.errors().get(0).message().startsWith("'Hintertupfingen' is not in the registry"));
        assertTrue(e.errors().get(0).message().contains("Landkreis Dachau (09174)"), "what the text names instead");
        assertEquals("05562", find("Kreis Recklinghausen", "Die Stadt Recklinghausen"), "an exact name decides");
        assertTrue(MunicipalityFinder.names("Landkreis Weidenstein", REGISTRY.get(6)));
        assertFalse(MunicipalityFinder.names("Bad Sooden-Allendorf", REGISTRY.get(2)));
    }

    @Test
    void aLongTextIsReadInOnePass() {
        // A megabyte of words and near-misses; the finder reads it word by word, without regular expressions.
        String filler = "Landkreis Landkreis Stadt unsere Lindenbrunner Lindenbrunnen - -- Hohen ried ".repeat(12_000);
        String text = filler + " Im Sozialausschuss der Stadt Lindenbrunn. " + filler;
        assertTrue(text.length() > 1_000_000);
        assertEquals("06997001", find(null, text));
    }

    @Test
    void theSeedsResolveToTheirKreise() throws IOException {
        Path seeds = Path.of("").toAbsolutePath().getParent().resolve("../shared/seeds").normalize();
        assumeTrue(Files.isDirectory(seeds), "../shared/seeds is absent: skipped");
        assertEquals("09174", find(null, Files.readString(seeds.resolve("dachau-landkreis.txt"), StandardCharsets.UTF_8)));
        assertEquals("08125", find(null, Files.readString(seeds.resolve("heilbronn-landkreis.txt"),
                StandardCharsets.UTF_8)));
        assertEquals("05562", find("Kreis Recklinghausen", Files.readString(seeds.resolve("recklinghausen-kreis.txt"),
                StandardCharsets.UTF_8)));
    }
}
