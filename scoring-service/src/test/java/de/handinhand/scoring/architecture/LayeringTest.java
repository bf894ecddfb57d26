package de.handinhand.scoring.architecture;

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
 * Dependencies run one way: {@code rest} → {@code service} → {@code api}. Nothing outside a
 * {@code rest} package refers to one (so a service never depends on the HTTP layer that calls it),
 * and an {@code api} package, the requests and answers, refers to no service either. Read from the
 * sources, imports and qualified names alike.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/de/handinhand/scoring");
    private static final Pattern REFERENCE = Pattern.compile("de\\.handinhand\\.scoring\\.[a-z.]*?\\.(rest|service)\\.[A-Z]");

    @Test
    void onlyRestRefersToRestAndApiRefersToNoService() {
        List<Path> files = sources();
        assertTrue(files.size() > 50, "the scan found the sources: " + files.size());
        List<String> wrong = new ArrayList<>();
        for (Path file : files) {
            String layer = layerOf(file);
            String text = read(file);
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                boolean allowed = switch (target) {
                    case "rest" -> layer.equals("rest");
                    case "service" -> !layer.equals("api");
                    default -> true;
                };
                if (!allowed) {
                    wrong.add(SOURCES.relativize(file) + " refers to " + m.group());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyFeatureKeepsItsRequestsAndAnswersInItsApiPackage() {
        List<String> misplaced = new ArrayList<>();
        for (Path file : sources()) {
            String name = file.getFileName().toString();
            boolean dto = name.endsWith("Request.java") || name.endsWith("View.java");
            if (dto && !layerOf(file).equals("api")) {
                misplaced.add(SOURCES.relativize(file).toString());
            }
        }
        assertEquals(List.of(), misplaced);
    }

    /** The layer a file belongs to: the name of its package's last segment (rest, service, api, …). */
    private static String layerOf(Path file) {
        return file.getParent().getFileName().toString();
    }

    private static List<Path> sources() {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
