package de.handinhand.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/compose/compose.yaml: valid for Compose (Debian's docker-compose `config -q`) and for the
 * linter dclint, and what a production-like single machine needs, checked against the services'
 * configuration, the local stack's topics and the versions the parent pom tests with.
 */
class ComposeTest {

    private static final Path COMPOSE = DeployFiles.deploy("compose/compose.yaml");
    private static final Path ENV = DeployFiles.deploy("compose/example.env");
    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "kafka-topics", "keycloak");

    private static JsonNode compose() {
        return DeployFiles.documents(DeployFiles.read(COMPOSE)).get(0);
    }

    private static Tools.Result dockerComposeConfig(Path file) {
        return Tools.run(List.of("docker-compose", "-f", file.toString(), "--env-file", ENV.toString(), "config", "-q"),
                COMPOSE.getParent());
    }

    private static Tools.Result dclint(Path file) {
        Path node = Tools.nodeChecks().orElseThrow();
        return Tools.run(List.of("node", node.resolve("node_modules/dclint/bin/dclint.cjs").toString(), "-c",
                DeployFiles.deploy("compose/.dclintrc.yaml").toString(), file.toString()), node);
    }

    @Test
    void composeAcceptsTheFile() {
        assumeTrue(Tools.onPath("docker-compose").isPresent(),
                "docker-compose (Debian package docker-compose) is not on PATH: compose.yaml is not checked by Compose");
        Tools.Result r = dockerComposeConfig(COMPOSE);
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void dclintFindsNoProblem() {
        assumeTrue(Tools.nodeChecks().isPresent(), Tools.missingNodeChecks());
        Tools.Result r = dclint(COMPOSE);
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("problems"), r.output());
    }

    @Test
    void brokenCopiesAreRefused(@TempDir Path dir) throws IOException {
        boolean compose = Tools.onPath("docker-compose").isPresent();
        boolean lint = Tools.nodeChecks().isPresent();
        assumeTrue(compose || lint, "neither docker-compose nor dclint is available");
        String text = DeployFiles.read(COMPOSE);
        // A misspelt dependency condition: Compose refuses the file.
        Path badCondition = Files.writeString(dir.resolve("compose.yaml"),
                text.replaceFirst("condition: service_completed_successfully", "condition: service_finished"));
        // A published port open on every interface: dclint refuses it.
        Path openPort = Files.writeString(dir.resolve("open-port.yaml"),
                text.replaceFirst("'127\\.0\\.0\\.1:\\$\\{GATEWAY_PORT:-8080}:8080'", "'8080:8080'"));
        assertNotEquals(text, DeployFiles.read(openPort));
        if (compose) {
            Files.copy(DeployFiles.deploy("compose/postgres-init.sh"), dir.resolve("postgres-init.sh"));
            Tools.Result r = dockerComposeConfig(badCondition);
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("service_finished"), r.output());
        }
        if (lint) {
            Tools.Result r = dclint(openPort);
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("no-unbound-port-interfaces"), r.output());
        }
    }

    @Test
    void everyServiceWaitsForWhatItNeedsAndReportsItsHealth() {
        JsonNode services = compose().path("services");
        Set<String> expected = new TreeSet<>(INFRASTRUCTURE);
        ServiceModules.all().forEach(s -> expected.add(s.name()));
        expected.add("web");
        Set<String> present = new TreeSet<>();
        services.fieldNames().forEachRemaining(present::add);
        assertEquals(expected, present);

        for (var it = services.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().equals("kafka-topics")) {
                assertTrue(e.getValue().path("healthcheck").has("test"), e.getKey() + " has a health check");
                assertEquals("unless-stopped", e.getValue().path("restart").asText(), e.getKey());
            }
        }
        for (ServiceModules app : ServiceModules.all()) {
            JsonNode s = services.path(app.name());
            assertTrue(s.path("healthcheck").path("test").toString().contains("/dev/tcp/127.0.0.1/" + app.port()
                    + " && printf 'GET /q/health/ready"), app.name() + " asks its own port for readiness");
            assertTrue(s.path("image").asText().endsWith("/handinhand/" + app.name() + ":${HANDINHAND_TAG:-1.0.0-SNAPSHOT}"),
                    s.path("image").asText());
            JsonNode deps = s.path("depends_on");
            assertTrue(deps.size() > 0, app.name());
            deps.fields().forEachRemaining(d -> assertTrue(
                    Set.of("service_healthy", "service_completed_successfully").contains(d.getValue().path("condition").asText()),
                    app.name() + " waits for " + d.getKey()));
            if (app.usesKafka()) {
                assertEquals("service_completed_successfully", deps.path("kafka-topics").path("condition").asText(),
                        app.name() + " starts after the topics exist");
                assertEquals("service_healthy", deps.path("postgres").path("condition").asText(), app.name());
            }
            if (app.database() != null) {
                assertEquals("jdbc:postgresql://postgres:5432/" + app.database(),
                        s.path("environment").path("DB_URL").asText(), app.name());
                assertEquals(app.database(), s.path("environment").path("DB_USER").asText(), app.name());
            }
            assertEquals("service_healthy", deps.path("keycloak").path("condition").asText(), app.name());
        }
        JsonNode web = services.path("web");
        assertEquals("http://gateway:" + port("gateway"), web.path("environment").path("GATEWAY_URL").asText());
        assertTrue(web.path("healthcheck").path("test").toString().contains("/dev/tcp/127.0.0.1/8084"));
        JsonNode gatewayEnv = services.path("gateway").path("environment");
        for (String backend : List.of("submission", "catalogue", "scoring")) {
            assertEquals("http://" + backend + "-service:" + port(backend + "-service"),
                    gatewayEnv.path(backend.toUpperCase() + "_URL").asText());
        }
    }

    @Test
    void keycloakRunsInProductionModeWithTheRealmOnTheComposeDatabase() {
        JsonNode kc = compose().path("services").path("keycloak");
        List<String> command = new ArrayList<>();
        kc.path("command").forEach(c -> command.add(c.asText()));
        assertEquals("start", command.get(0), "production mode, not start-dev");
        assertTrue(command.contains("--import-realm"));
        assertFalse(command.contains("start-dev"));
        assertTrue(kc.path("volumes").toString().contains("../keycloak/handinhand-realm.json:/opt/keycloak/data/import/"),
                "the realm file itself is imported, not a copy");
        assertEquals("postgres", kc.path("environment").path("KC_DB").asText());
        assertEquals("jdbc:postgresql://postgres:5432/keycloak", kc.path("environment").path("KC_DB_URL").asText());
        assertEquals("quay.io/keycloak/keycloak:" + pomProperty("keycloak.version"), kc.path("image").asText(),
                "the Keycloak the local stack and its tests run");
        for (String s : List.of("kafka", "kafka-topics")) {
            assertEquals("apache/kafka:" + pomProperty("kafka.version"), compose().path("services").path(s).path("image").asText());
        }
        String postgresMajor = pomProperty("postgres-binaries.version").split("\\.")[0];
        assertEquals("postgres:" + postgresMajor, compose().path("services").path("postgres").path("image").asText());
    }

    @Test
    void theTopicsAreTheLocalStacksAndNoClientCreatesOne() {
        JsonNode services = compose().path("services");
        assertEquals("false", services.path("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText());
        String script = services.path("kafka-topics").path("command").get(0).asText();
        Map<String, Integer> topics = new TreeMap<>();
        Matcher m = Pattern.compile("([a-z.-]+):(\\d+)").matcher(script.substring(script.indexOf("for topic in"), script.indexOf("; do")));
        while (m.find()) {
            topics.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(new TreeMap<>(KafkaBroker.TOPICS), topics);
    }

    @Test
    void passwordsComeOnlyFromTheEnvironment() {
        Map<String, String> secrets = new LinkedHashMap<>();
        compose().path("services").fields().forEachRemaining(s -> s.getValue().path("environment").fields()
                .forEachRemaining(e -> {
                    if (e.getKey().matches(".*(PASSWORD|SECRET).*")) {
                        secrets.put(s.getKey() + "." + e.getKey(), e.getValue().asText());
                    }
                }));
        assertFalse(secrets.isEmpty());
        secrets.forEach((k, v) -> assertTrue(v.matches("\\$\\{[A-Z_]+:\\?[^}]+}"), k + " must be a required variable: " + v));
        for (String line : DeployFiles.read(ENV).lines().toList()) {
            if (line.matches("[A-Z_]*PASSWORD=.*")) {
                assertTrue(line.contains("change-me"), "example.env holds placeholders only: " + line);
            }
        }
    }

    private static int port(String app) {
        return ServiceModules.all().stream().filter(s -> s.name().equals(app)).findFirst().orElseThrow().port();
    }

    private static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(DeployFiles.read(DeployFiles.home().resolve("pom.xml")));
        assertTrue(m.find(), name);
        return m.group(1);
    }
}
