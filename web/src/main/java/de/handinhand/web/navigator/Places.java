package de.handinhand.web.navigator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Near a place" without an outside geocoder: the towns of the demo Kreise with their postcodes
 * and centres (navigator/places.csv), found by postcode or by name (case, umlauts typed as
 * ae/oe/ue and accents do not matter; a unique beginning is enough). Also the Kreise's names.
 */
public final class Places {

    public record Place(String name, List<String> postcodes, String kreisId, double lat, double lon) {

        /** The API's {@code near} parameter. */
        public String near() {
            return lat + "," + lon;
        }
    }

    /** Official names of the demo Kreise (AGS key → name), as the facet shows them. */
    static final Map<String, String> KREISE = Map.of(
            "05562", "Kreis Recklinghausen",
            "09174", "Landkreis Dachau",
            "08125", "Landkreis Heilbronn",
            "08135", "Landkreis Heidenheim",
            "06636", "Werra-Meißner-Kreis");

    private final List<Place> places;

    Places(List<Place> places) {
        this.places = List.copyOf(places);
    }

    public static Places load() {
        try (InputStream in = Places.class.getResourceAsStream("/navigator/places.csv")) {
            if (in == null) {
                throw new IllegalStateException("navigator/places.csv is missing");
            }
            List<Place> places = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";");
                places.add(new Place(f[0].strip(), List.of(f[1].strip().split("\\s+")), f[2].strip(),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
            return new Places(places);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The place a visitor means by a postcode or a town name, if the table knows it. */
    public Optional<Place> find(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String query = input.strip();
        if (query.matches("\\d{5}")) {
            String postcode = query;
            return places.stream().filter(p -> p.postcodes().contains(postcode)).findFirst();
        }
        // "85221 Dachau" or "Dachau 85221": the postcode decides.
        var withCode = java.util.regex.Pattern.compile("\\b(\\d{5})\\b").matcher(query);
        if (withCode.find()) {
            Optional<Place> byCode = find(withCode.group(1));
            if (byCode.isPresent()) {
                return byCode;
            }
            query = query.replace(withCode.group(1), "").strip();
        }
        String wanted = fold(query);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (Place p : places) {
            if (fold(p.name()).equals(wanted)) {
                return Optional.of(p);
            }
        }
        List<Place> starting = places.stream().filter(p -> fold(p.name()).startsWith(wanted)).toList();
        return starting.size() == 1 ? Optional.of(starting.get(0)) : Optional.empty();
    }

    public List<Place> all() {
        return places;
    }

    public static String kreisName(String kreisId) {
        return KREISE.getOrDefault(kreisId, kreisId);
    }

    static String fold(String s) {
        String lower = s.toLowerCase(Locale.GERMAN).replace("ß", "ss").replace("ae", "a").replace("oe", "o")
                .replace("ue", "u");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^a-z0-9]+", " ").strip();
    }
}
