package de.handinhand.submission.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies inside each feature run rest → service → api: nothing but a resource uses a
 * resource's package, and the request and response records depend on no layer at all. Read from
 * the source files' imports, so a wrong import fails here instead of in a review.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(de\\.handinhand\\.submission\\.[\\w.]+);",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Set<String> LAYERS = Set.of("rest", "service", "repository", "messaging", "mapping");

    @Test
    void onlyResourcesUseResources() {
        List<String> wrong = new ArrayList<>();
        for (Source source : sources()) {
            if (!"rest".equals(source.layer())) {
                source.imports().stream().filter(i -> "rest".equals(layerOf(i)))
                        .forEach(i -> wrong.add(source.file() + " imports " + i));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void requestAndResponseRecordsDependOnNoLayer() {
        List<String> wrong = new ArrayList<>();
        for (Source source : sources()) {
            if ("api".equals(source.layer())) {
                source.imports().stream().filter(i -> layerOf(i) != null && LAYERS.contains(layerOf(i)))
                        .forEach(i -> wrong.add(source.file() + " imports " + i));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyFeatureKeepsItsRecordsInItsApiPackage() {
        // The records a resource takes or returns are named ...Request, ...View or ...Summary.
        List<String> misplaced = new ArrayList<>();
        for (Source source : sources()) {
            String name = source.file().getFileName().toString();
            boolean dto = name.matches(".*(Request|View|Summary)\\.java");
            if (dto && !"api".equals(source.layer())) {
                misplaced.add(source.file().toString());
            }
        }
        assertEquals(List.of(), misplaced);
        assertTrue(sources().stream().anyMatch(s -> "api".equals(s.layer())), "the scan found the api packages");
    }

    private record Source(Path file, String layer, List<String> imports) {
    }

    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(LayeringTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source read(Path file) {
        try {
            String text = Files.readString(file);
            Matcher pkg = PACKAGE.matcher(text);
            String layer = pkg.find() ? layerOf(pkg.group(1) + ".X") : null;
            List<String> imports = new ArrayList<>();
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                imports.add(m.group(1));
            }
            return new Source(file, layer, imports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code de.handinhand.submission.<feature>.<layer>.Type} → the layer; null for a feature's root. */
    private static String layerOf(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        return parts.length > 5 ? parts[4] : null;
    }
}
