package de.handinhand.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the local stack lives and listens. Defaults follow SPEC §5; every port can be changed by
 * an environment variable of the same name as in the README, the data folder by
 * {@code --data-dir} or {@code HANDINHAND_DATA_DIR}, the number of instances of each backend
 * service by {@code --replicas}.
 *
 * <p>{@code kafkaServicesPort}, when not 0, is a second broker listener for the services alone,
 * advertised as {@code kafkaServicesAdvertisedPort}: a test can put a proxy of its own on that
 * address and cut the services off the broker while it keeps reaching the broker itself on
 * {@code kafkaPort}.
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
        int webPort,
        int replicas,
        int kafkaServicesPort,
        int kafkaServicesAdvertisedPort) {

    /**
     * The services' JVM options unless {@code SERVICE_JAVA_OPTS} says otherwise, chosen so each
     * service stays near 300 MB resident on the 2-core machines this stack is made for (README,
     * "Memory"): measured with native memory tracking, about 200 MB of a service is class metadata,
     * symbols and compiled code whatever the load, so the heap gets a small ceiling and gives back
     * what it does not need ({@code MaxHeapFreeRatio}), the JVM returns freed native memory to the
     * system every 5 s ({@code TrimNativeHeapInterval}, in 17.0.9 and later; older JVMs ignore
     * it rather than refuse to start), and the thread stacks are halved.
     */
    static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xms32m -Xmx160m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 "
            + "-XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=80m -Xss512k -XX:+IgnoreUnrecognizedVMOptions "
            + "-XX:TrimNativeHeapInterval=5000";

    /** More instances than this would not fit the 2-core machines this stack is made for. */
    static final int MAX_REPLICAS = 5;

    /**
     * The configuration without the web pages' port and the fault suite's settings (callers from
     * before them): the pages on a free port, one instance of each service, no second listener.
     */
    public StackConfig(Path home, Path dataDir, boolean reset, int gatewayPort, int submissionPort, int cataloguePort,
            int scoringPort, int keycloakPort, int kafkaPort, int kafkaControllerPort, int postgresPort,
            String serviceJavaOpts, boolean durable) {
        this(home, dataDir, reset, gatewayPort, submissionPort, cataloguePort, scoringPort, keycloakPort, kafkaPort,
                kafkaControllerPort, postgresPort, serviceJavaOpts, durable, freePort(), 1, 0, 0);
    }

    static final String REALM_FILE = "deploy/keycloak/handinhand-realm.json";

    /** The configuration of {@code mvn -Pstack} / {@code java -jar handinhand-stack.jar}. */
    public static StackConfig fromCommandLine(String[] args, Map<String, String> env) {
        Path home = findHome(env);
        Path dataDir = Path.of(env.getOrDefault("HANDINHAND_DATA_DIR", home.resolve(".data").toString()));
        boolean reset = false;
        int replicas = 1;
        for (String arg : args) {
            if (arg.equals("--reset")) {
                reset = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--replicas=")) {
                replicas = replicas(arg.substring("--replicas=".length()));
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("Unknown argument '" + arg
                        + "'; known: --reset, --data-dir=PATH, --replicas=N");
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
                env.getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS),
                true,
                port(env, "WEB_PORT", 8084),
                replicas, 0, 0);
    }

    /** A throw-away stack on free ports, for the end-to-end tests. */
    public static StackConfig forTests(Path home, Path dataDir) {
        return new StackConfig(home, dataDir.toAbsolutePath(), true, freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort(), freePort(), DEFAULT_SERVICE_JAVA_OPTS, false, freePort(),
                1, 0, 0);
    }

    /** The same stack on its existing data: what a restart uses. */
    public StackConfig keepingData() {
        return new StackConfig(home, dataDir, false, gatewayPort, submissionPort, cataloguePort, scoringPort,
                keycloakPort, kafkaPort, kafkaControllerPort, postgresPort, serviceJavaOpts, durable, webPort, replicas,
                kafkaServicesPort, kafkaServicesAdvertisedPort);
    }

    /** {@code replicas} instances of each backend service. */
    public StackConfig withReplicas(int replicas) {
        return new StackConfig(home, dataDir, reset, gatewayPort, submissionPort, cataloguePort, scoringPort,
                keycloakPort, kafkaPort, kafkaControllerPort, postgresPort, serviceJavaOpts, durable, webPort,
                replicas(Integer.toString(replicas)), kafkaServicesPort, kafkaServicesAdvertisedPort);
    }

    /**
     * The services reach the broker through {@code advertisedPort} (a proxy in front of
     * {@code listenerPort}, a broker listener of their own) instead of {@code kafkaPort}.
     */
    public StackConfig withServicesKafkaListener(int listenerPort, int advertisedPort) {
        return new StackConfig(home, dataDir, reset, gatewayPort, submissionPort, cataloguePort, scoringPort,
                keycloakPort, kafkaPort, kafkaControllerPort, postgresPort, serviceJavaOpts, durable, webPort, replicas,
                listenerPort, advertisedPort);
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

    /** Where the services find the broker: its own listener, or the one of their own if there is one. */
    public String servicesKafkaBootstrap() {
        return kafkaServicesPort == 0 ? kafkaBootstrap() : "localhost:" + kafkaServicesAdvertisedPort;
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

    private static int replicas(String value) {
        try {
            int replicas = Integer.parseInt(value.strip());
            if (replicas >= 1 && replicas <= MAX_REPLICAS) {
                return replicas;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("--replicas must be a whole number from 1 to " + MAX_REPLICAS + ", not '"
                + value + "'");
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

    /** The port of each part of the stack, by the variable that sets it. */
    public Map<String, Integer> namedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("GATEWAY_PORT", gatewayPort);
        ports.put("WEB_PORT", webPort);
        ports.put("SUBMISSION_PORT", submissionPort);
        ports.put("CATALOGUE_PORT", cataloguePort);
        ports.put("SCORING_PORT", scoringPort);
        ports.put("KEYCLOAK_PORT", keycloakPort);
        ports.put("KAFKA_PORT", kafkaPort);
        ports.put("KAFKA_CONTROLLER_PORT", kafkaControllerPort);
        ports.put("POSTGRES_PORT", postgresPort);
        if (kafkaServicesPort != 0) {
            ports.put("the services' Kafka listener", kafkaServicesPort);
        }
        return ports;
    }

    /** Each pair of parts given the same port, as "WEB_PORT and SCORING_PORT are both 8083"; empty when none is. */
    public List<String> sharedPorts() {
        Map<Integer, String> first = new HashMap<>();
        List<String> shared = new ArrayList<>();
        namedPorts().forEach((name, port) -> {
            String other = first.putIfAbsent(port, name);
            if (other != null) {
                shared.add(other + " and " + name + " are both " + port);
            }
        });
        return shared;
    }

    /**
     * A port nothing listens on now and that this JVM has not handed out before: the operating system
     * may give the same free port to two calls in a row (it did in CI: the web pages and the scoring
     * service of one test stack got the same port, the second to start exited, and the first answered
     * the other's readiness probe).
     */
    static int freePort() {
        for (int tries = 0; tries < 100; tries++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port that was not handed out already in 100 tries");
    }

    /** The ports {@link #freePort()} has handed out in this JVM (a few dozen per test run). */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
}
