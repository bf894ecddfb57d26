package de.handinhand.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.Yaml;

/** Where the repository's deploy files are, and reading them as JSON trees. */
final class DeployFiles {

    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {
    }

    /** The repository root: set by the build, else the parent of the deploy module the tests run in. */
    static Path home() {
        String home = System.getProperty("handinhand.home");
        Path dir = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        if (!Files.exists(dir.resolve("deploy/pom.xml")) && Files.exists(dir.resolve("../deploy/pom.xml"))) {
            dir = dir.resolve("..");
        }
        return dir.toAbsolutePath().normalize();
    }

    static Path deploy(String relative) {
        return home().resolve("deploy").resolve(relative);
    }

    /** The shared CRD schemas beside the repository (../shared/k8s-crd-schemas), if they are there. */
    static Path crdSchemas() {
        return home().resolve("../shared/k8s-crd-schemas").normalize();
    }

    /**
     * Every document of a multi-document YAML text, empty ones left out. SnakeYAML reads it, not
     * Jackson's YAML parser: compose.yaml uses anchors, aliases and merge keys, which only a full
     * YAML 1.1 loader resolves.
     */
    static List<JsonNode> documents(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc != null) {
                docs.add(JSON.valueToTree(doc));
            }
        }
        return docs;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
