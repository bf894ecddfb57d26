package de.handinhand.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies run one way, rest → service → api: HTTP classes use the services and the DTOs, never
 * the other way round, and the DTOs ({@code api} packages) know nothing of the layers that use them.
 * Read from the sources, so a reference written out in full counts as much as an import.
 */
class LayeringTest {

    static final Path SOURCES = Path.of("src/main/java");
    static final Pattern REFERENCE = Pattern.compile("de\\.handinhand\\.catalogue\\.[a-z.]*?\\b(rest|service|repository|search|mapping|messaging)\\.[A-Z]");

    @Test
    void onlyRestClassesUseRestClasses() {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            if (!layer(file).equals("rest")) {
                references(file).stream().filter("rest"::equals).forEach(r -> wrong.add(name(file) + " uses a rest class"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void apiClassesUseNoLayerAboveThem() {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            if (layer(file).equals("api")) {
                references(file).forEach(r -> wrong.add(name(file) + " uses a " + r + " class"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theScanSeesTheLayers() {
        List<Path> files = sources();
        assertTrue(files.stream().filter(f -> layer(f).equals("api")).count() >= 5, "api classes found");
        Path resource = SOURCES.resolve("de/handinhand/catalogue/offer/rest/OfferResource.java");
        assertTrue(references(resource).contains("service"), "the resource's use of its service is seen");
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The layer a file's package names last ({@code ...offer.rest} → rest); the feature itself otherwise. */
    private static String layer(Path file) {
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** The layers of the catalogue's own classes this file names. */
    private static List<String> references(Path file) {
        try {
            List<String> layers = new ArrayList<>();
            Matcher m = REFERENCE.matcher(Files.readString(file));
            while (m.find()) {
                layers.add(m.group(1));
            }
            return layers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return SOURCES.relativize(file).toString();
    }
}
