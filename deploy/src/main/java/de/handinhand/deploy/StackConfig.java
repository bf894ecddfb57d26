package de.handinhand.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack lives and listens. Defaults follow SPEC §5; every port can be changed by
 * an environment variable of the same name as in the README, the data folder by
 * {@code --data-dir} or {@code HANDINHAND_DATA_DIR}.
 */
public record StackConfig(
        Path home,
        Path dataDir,
        boolean reset,
        int gatewayPort,
        int submissionPort,
        int cataloguePort,
        int scoringPort,
        int keycloakPort,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        String serviceJavaOpts,
        boolean durable,
        int webPort) {

    /** The configuration without the web pages' port (callers from before the pages): the pages on a free port. */
    public StackConfig(Path home, Path dataDir, boolean reset, int gatewayPort, int submissionPort, int cataloguePort,
            int scoringPort, int keycloakPort, int kafkaPort, int kafkaControllerPort, int postgresPort,
            String serviceJavaOpts, boolean durable) {
        this(home, dataDir, reset, gatewayPort, submissionPort, cataloguePort, scoringPort, keycloakPort, kafkaPort,
                kafkaControllerPort, postgresPort, serviceJavaOpts, durable, freePort());
    }

    static final String REALM_FILE = "deploy/keycloak/handinhand-realm.json";

    /** The configuration of {@code mvn -Pstack} / {@code java -jar handinhand-stack.jar}. */
    public static StackConfig fromCommandLine(String[] args, Map<String, String> env) {
        Path home = findHome(env);
        Path dataDir = Path.of(env.getOrDefault("HANDINHAND_DATA_DIR", home.resolve(".data").toString()));
        boolean reset = false;
        for (String arg : args) {
            if (arg.equals("--reset")) {
                reset = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; known: --reset, --data-dir=PATH");
            }
        }
        int kafka = port(env, "KAFKA_PORT", 9092);
        return new StackConfig(home, dataDir.toAbsolutePath(), reset,
                port(env, "GATEWAY_PORT", 8080),
                port(env, "SUBMISSION_PORT", 8081),
                port(env, "CATALOGUE_PORT", 8082),
                port(env, "SCORING_PORT", 8083),
                port(env, "KEYCLOAK_PORT", 8180),
                kafka,
                port(env, "KAFKA_CONTROLLER_PORT", kafka + 1),
                port(env, "POSTGRES_PORT", 15432),
                env.getOrDefault("SERVICE_JAVA_OPTS", "-Xms64m -Xmx384m -XX:+UseSerialGC"),
                true,
                port(env, "WEB_PORT", 8084));
    }

    /** A throw-away stack on free ports, for the end-to-end tests. */
    public static StackConfig forTests(Path home, Path dataDir) {
        return new StackConfig(home, dataDir.toAbsolutePath(), true, freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort(), freePort(), "-Xms64m -Xmx384m -XX:+UseSerialGC", false, freePort());
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** The people's pages (module web). */
    public String webUrl() {
        return "http://localhost:" + webPort;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String realmUrl() {
        return keycloakUrl() + "/realms/handinhand";
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The project root: the folder holding {@value #REALM_FILE}. */
    static Path findHome(Map<String, String> env) {
        String explicit = System.getProperty("handinhand.home", env.get("HANDINHAND_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(REALM_FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the project folder (with " + REALM_FILE
                + "); start from inside the project or set HANDINHAND_HOME");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
