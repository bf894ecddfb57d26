package de.handinhand.catalogue.demo;

import de.handinhand.catalogue.offer.api.Link;
import de.handinhand.catalogue.offer.api.OfferRequest;
import de.handinhand.catalogue.offer.search.Folding;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Plausible integration offers for the demo Kreise from a small vocabulary of activities,
 * providers and the Kreise's real towns with their coordinates. Deterministic: offer n is always
 * the same offer with the same id, so the local stack (100) and the benchmark (10,000) can load
 * them repeatedly without duplicates.
 */
public final class DemoOfferGenerator {

    /** A demo town: its Kreis and the centre its offers lie around (the benchmark searches there too). */
    public record Town(String kreisId, String name, double lat, double lon) {
    }

    record Activity(String de, String en, String description, List<String> fields, List<String> groups) {
    }

    public static final List<Town> TOWNS = List.of(
            new Town("05562", "Recklinghausen", 51.6141, 7.1979), new Town("05562", "Marl", 51.6564, 7.0902),
            new Town("05562", "Dorsten", 51.6604, 6.9649), new Town("05562", "Castrop-Rauxel", 51.5553, 7.3118),
            new Town("05562", "Gladbeck", 51.5702, 6.9850), new Town("05562", "Herten", 51.5950, 7.1436),
            new Town("05562", "Haltern am See", 51.7431, 7.1844), new Town("05562", "Datteln", 51.6539, 7.3417),
            new Town("05562", "Oer-Erkenschwick", 51.6422, 7.2508), new Town("05562", "Waltrop", 51.6236, 7.3964),
            new Town("09174", "Dachau", 48.2600, 11.4340), new Town("09174", "Karlsfeld", 48.2270, 11.4760),
            new Town("09174", "Markt Indersdorf", 48.3600, 11.3780), new Town("09174", "Petershausen", 48.4100, 11.4700),
            new Town("09174", "Odelzhausen", 48.3080, 11.1960), new Town("09174", "Altomünster", 48.3880, 11.2560),
            new Town("08125", "Neckarsulm", 49.1920, 9.2250), new Town("08125", "Eppingen", 49.1370, 8.9100),
            new Town("08125", "Bad Rappenau", 49.2390, 9.1020), new Town("08125", "Weinsberg", 49.1510, 9.2860),
            new Town("08125", "Brackenheim", 49.0780, 9.0660), new Town("08125", "Lauffen am Neckar", 49.0760, 9.1430),
            new Town("08135", "Heidenheim an der Brenz", 48.6760, 10.1510),
            new Town("08135", "Giengen an der Brenz", 48.6210, 10.2440),
            new Town("08135", "Herbrechtingen", 48.6210, 10.1750), new Town("08135", "Gerstetten", 48.6230, 10.0190),
            new Town("06636", "Eschwege", 51.1880, 10.0530), new Town("06636", "Witzenhausen", 51.3420, 9.8570),
            new Town("06636", "Bad Sooden-Allendorf", 51.2700, 9.9700),
            new Town("06636", "Hessisch Lichtenau", 51.2000, 9.7200), new Town("06636", "Sontra", 51.0650, 9.9350));

    static final List<Activity> ACTIVITIES = List.of(
            new Activity("Sprachcafé", "Language café", "Zwangloses Deutschsprechen bei Kaffee und Kuchen, mit "
                    + "Ehrenamtlichen als Gesprächspartnern.", List.of("SPRACHE", "ENGAGEMENT"),
                    List.of("ERWACHSENE", "NEUZUGEWANDERTE")),
            new Activity("Integrationskurs", "Integration course", "Sprachkurs und Orientierungskurs nach der "
                    + "Integrationskursverordnung, Module A1 bis B1.", List.of("SPRACHE", "BILDUNG"),
                    List.of("ERWACHSENE", "NEUZUGEWANDERTE")),
            new Activity("Hausaufgabenhilfe", "Homework help", "Schülerinnen und Schüler lernen gemeinsam mit "
                    + "Lesepaten und Lehramtsstudierenden.", List.of("BILDUNG"), List.of("KINDER_SCHULE", "JUGENDLICHE")),
            new Activity("Fahrradwerkstatt", "Bicycle workshop", "Gespendete Fahrräder werden gemeinsam repariert "
                    + "und an Familien ohne Auto weitergegeben.", List.of("ENGAGEMENT", "UMWELT"),
                    List.of("JUGENDLICHE", "ERWACHSENE")),
            new Activity("Frauenschwimmen", "Swimming for women", "Schwimmkurs in geschützter Atmosphäre mit "
                    + "Trainerinnen; Kinderbetreuung vor Ort.", List.of("SPORT", "GESUNDHEIT", "FAMILIE"),
                    List.of("MAEDCHEN_FRAUEN")),
            new Activity("Jobbörse", "Job fair", "Betriebe aus der Region stellen Ausbildungs- und Arbeitsplätze vor; "
                    + "Beratung zur Anerkennung von Abschlüssen.", List.of("BESCHAEFTIGUNG"),
                    List.of("JUNGE_ERWACHSENE", "ERWACHSENE")),
            new Activity("Patenprogramm", "Mentoring programme", "Ehrenamtliche Patinnen und Paten begleiten "
                    + "neu angekommene Familien bei Behördengängen und im Alltag.", List.of("ENGAGEMENT", "FAMILIE"),
                    List.of("NEUZUGEWANDERTE", "BEVOELKERUNG_VOR_ORT")),
            new Activity("Beratungsstelle", "Counselling centre", "Migrationsberatung für Erwachsene: Aufenthalt, "
                    + "Wohnen, Arbeit, Gesundheit; Termine auch mit Dolmetscher.",
                    List.of("SOZIALE_INFRASTRUKTUR", "WOHNEN"), List.of("ERWACHSENE", "LANGJAEHRIG_ZUGEWANDERTE")),
            new Activity("Kleiderkammer", "Clothing bank", "Gut erhaltene Kleidung für Erwachsene und Kinder gegen "
                    + "eine kleine Spende.", List.of("SOZIALE_INFRASTRUKTUR"), List.of("NEUZUGEWANDERTE")),
            new Activity("Repair-Café", "Repair café", "Elektrogeräte, Kleidung und Spielzeug reparieren statt "
                    + "wegwerfen, Alteingesessene und Zugewanderte gemeinsam.", List.of("UMWELT", "ENGAGEMENT"),
                    List.of("BEVOELKERUNG_VOR_ORT", "ERWACHSENE")),
            new Activity("Elterncafé", "Parents' café", "Treffpunkt für Eltern mit kleinen Kindern, Fragen zu Kita "
                    + "und Schule.", List.of("FAMILIE", "BILDUNG"), List.of("KINDER_KITA", "ERWACHSENE")),
            new Activity("Bewerbungstraining", "Job application training", "Lebenslauf, Anschreiben und "
                    + "Vorstellungsgespräch üben, mit Ehrenamtlichen aus Personalabteilungen.",
                    List.of("BESCHAEFTIGUNG", "BILDUNG"), List.of("JUNGE_ERWACHSENE")),
            new Activity("Fußballtraining", "Football training", "Offenes Training für alle Jugendlichen, "
                    + "Vereinsmitgliedschaft im ersten Jahr frei.", List.of("SPORT"), List.of("JUGENDLICHE", "JUNGEN_MAENNER")),
            new Activity("Interkultureller Garten", "Intercultural garden", "Gemeinsam gärtnern, ernten und kochen "
                    + "auf einer Parzelle am Stadtrand.", List.of("UMWELT", "KULTUR"), List.of("BEVOELKERUNG_VOR_ORT")),
            new Activity("Mädchentreff", "Girls' club", "Offener Treff mit Tanz, Theater und Hausaufgabenecke.",
                    List.of("KULTUR", "FAMILIE"), List.of("MAEDCHEN_FRAUEN", "JUGENDLICHE")),
            new Activity("Antirassismus-Workshop", "Anti-racism workshop", "Workshops für Vereine und Schulklassen "
                    + "zu Vorurteilen, Zivilcourage und Beratung bei Diskriminierung.",
                    List.of("SICHERHEIT_RASSISMUS", "BETEILIGUNG"), List.of("MULTIPLIKATOREN", "JUGENDLICHE")));

    static final List<String> PROVIDERS = List.of("Caritasverband", "Diakonisches Werk", "AWO Ortsverein",
            "DRK Kreisverband", "Volkshochschule", "Stadtbibliothek", "Jobcenter", "Integrationsbeirat",
            "Evangelische Kirchengemeinde", "Katholische Pfarrei", "Sportverein", "Freiwilligenagentur");
    static final List<String> OTHER_LANGUAGES = List.of("ar", "en", "fa", "uk", "ru", "tr", "ti", "ps");
    static final List<String> DAYS = List.of("Mo", "Di", "Mi", "Do", "Fr", "Sa");

    private DemoOfferGenerator() {
    }

    /** The stable id of demo offer {@code n}. */
    public static UUID id(int n) {
        return UUID.nameUUIDFromBytes(("handinhand-demo-offer-" + n).getBytes(StandardCharsets.UTF_8));
    }

    /** Demo offer {@code n}: the same for the same n, every time. */
    public static OfferRequest offer(int n) {
        Random random = new Random(31L * n + 7);
        // Town, activity and round are a bijection of n: every offer has its own title, and
        // neighbouring n differ in both town and activity.
        int townIndex = n % TOWNS.size();
        int step = (n / TOWNS.size()) % ACTIVITIES.size();
        int round = n / (TOWNS.size() * ACTIVITIES.size());
        Town town = TOWNS.get(townIndex);
        Activity activity = ACTIVITIES.get((step + townIndex) % ACTIVITIES.size());
        String provider = PROVIDERS.get(random.nextInt(PROVIDERS.size())) + " " + town.name();
        Map<String, String> title = new LinkedHashMap<>();
        title.put("de", activity.de() + " " + town.name() + (round > 0 ? " " + (round + 1) : ""));
        Map<String, String> description = new LinkedHashMap<>();
        description.put("de", activity.description() + " Angebot von " + provider + ".");
        if (random.nextInt(3) == 0) {
            title.put("en", activity.en() + " " + town.name());
            description.put("en", activity.en() + " run by " + provider + ".");
        }
        List<String> languages = new ArrayList<>(List.of("de"));
        for (String other : OTHER_LANGUAGES) {
            if (random.nextInt(4) == 0) {
                languages.add(other);
            }
        }
        boolean free = random.nextInt(5) != 0;
        LocalDate from = random.nextInt(4) == 0 ? LocalDate.of(2026, 1 + random.nextInt(12), 1) : null;
        LocalDate until = from != null && random.nextBoolean() ? from.plusMonths(3 + random.nextInt(12)) : null;
        double lat = town.lat() + (random.nextDouble() - 0.5) * 0.02;
        double lon = town.lon() + (random.nextDouble() - 0.5) * 0.03;
        String day = DAYS.get(random.nextInt(DAYS.size()));
        int hour = 9 + random.nextInt(10);
        Long cost = free ? null : 200L * (1 + random.nextInt(25));
        List<OfferRequest.Location> locations = List.of(new OfferRequest.Location(
                "Hauptstraße " + (1 + random.nextInt(120)) + ", " + town.name(), town.name(), round(lat), round(lon)));
        List<OfferRequest.Contact> contacts = List.of(new OfferRequest.Contact("Koordination " + activity.de(), null,
                "kontakt@" + slug(provider) + ".example", "0" + (1000 + random.nextInt(9000)) + " "
                        + (100000 + random.nextInt(900000))));
        String schedule = day + " " + hour + "–" + (hour + 2) + " Uhr";
        String accessibility = random.nextInt(3) == 0 ? "Barrierefreier Zugang" : null;
        // Web pages from a generator of their own, so the offers' other fields stay as they were.
        Random web = new Random(41L * n + 11);
        String site = "https://www." + slug(provider) + ".example";
        String website = web.nextInt(3) == 0 ? null : site + "/" + slug(activity.de());
        List<Link> links = website != null && web.nextInt(4) == 0
                ? List.of(new Link("Flyer (PDF)", site + "/" + slug(activity.de()) + "/flyer.pdf"))
                : List.of();
        return new OfferRequest(title, description, provider, town.kreisId(), town.name(), activity.fields(),
                activity.groups(), languages, free, cost, from, until,
                locations, contacts, schedule, accessibility, website, links, null);
    }

    /** How many months ago demo offer {@code n} was last confirmed (0–17), so some are overdue. */
    public static int monthsSinceConfirmed(int n) {
        return new Random(17L * n + 3).nextInt(18);
    }

    private static double round(double value) {
        return Math.round(value * 1e5) / 1e5;
    }

    /** "Repair-Café Altomünster" → "repair-cafe-altomuenster". */
    private static String slug(String s) {
        return Folding.fold(s).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
