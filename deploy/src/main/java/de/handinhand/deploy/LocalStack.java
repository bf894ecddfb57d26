package de.handinhand.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The whole suite on one machine from Maven artifacts alone: embedded PostgreSQL, a KRaft Kafka
 * broker, Keycloak with the handinhand realm, then the four services and the web pages as separate
 * processes.
 * Waits until everything is ready, prints where to go, and stops everything on Ctrl-C or
 * SIGTERM. The end-to-end tests start the very same class on free ports.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * How long a service may take to become ready: 120 s, or {@code SERVICE_READY_TIMEOUT} seconds (a
     * catalogue loading 100,000 demo offers for the search benchmark needs longer).
     */
    static final Duration SERVICE_READY_TIMEOUT = readyTimeout(System.getenv("SERVICE_READY_TIMEOUT"));
    static final Duration KEYCLOAK_READY_TIMEOUT = Duration.ofSeconds(300);

    private final StackConfig config;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicBoolean closed = new AtomicBoolean();

    public LocalStack(StackConfig config) {
        this.config = config;
        this.postgres = new PostgresServer(config);
        this.kafka = new KafkaBroker(config);
        this.keycloak = new KeycloakServer(config, postgres);
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The admin client polls the broker while it starts; its connection warnings are expected noise.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        StackConfig config;
        try {
            config = StackConfig.fromCommandLine(args, System.getenv());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Console.info("Stopping the stack ...");
            stack.close();
            Console.info("Stopped. Data kept in " + config.dataDir());
        }, "stack-shutdown"));
        try {
            stack.start();
        } catch (Exception e) {
            Console.warn("The stack did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(stack.summary());
        new CountDownLatch(1).await();
    }

    /** Starts everything and returns once all of it answers; on failure stops what it started. */
    public void start() throws Exception {
        long started = System.nanoTime();
        checkPortsFree();
        prepareDataDir();
        try {
            Console.info("Starting PostgreSQL on " + config.postgresPort() + " and Kafka on " + config.kafkaPort());
            CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(() -> {
                try {
                    ManagedProcess broker = track(kafka.start());
                    readyAfter.put("kafka", broker.awaitReady(kafka::readyAndTopicsCreated, SERVICE_READY_TIMEOUT));
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            long pg = System.nanoTime();
            postgres.start();
            readyAfter.put("postgres", Duration.ofNanos(System.nanoTime() - pg));

            Console.info("Starting Keycloak on " + config.keycloakPort() + " (the first start builds it: about a minute)");
            ManagedProcess kc = track(keycloak.start());
            readyAfter.put("keycloak", kc.awaitReady(keycloak::realmReady, KEYCLOAK_READY_TIMEOUT));
            join(kafkaReady);

            Console.info("Starting the services" + (config.replicas() > 1 ? ", " + config.replicas() + " instances of each" : ""));
            // Ports first: the gateway is given the address of every instance of every backend.
            Map<Service, List<Integer>> ports = new LinkedHashMap<>();
            for (Service service : backends()) {
                List<Integer> list = new ArrayList<>(List.of(service.port()));
                while (list.size() < config.replicas()) {
                    list.add(StackConfig.freePort());
                }
                ports.put(service, list);
            }
            List<CompletableFuture<Void>> starting = new ArrayList<>();
            ports.forEach((service, list) -> {
                for (int i = 0; i < list.size(); i++) {
                    starting.add(startAndAwait(service, i + 1, list.get(i)));
                }
            });
            starting.add(startAndAwait(gateway(ports), 1, config.gatewayPort()));
            starting.add(startAndAwait(web(), 1, config.webPort()));
            for (CompletableFuture<Void> service : starting) {
                join(service);
            }
            readyAfter.put("stack", Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private record Service(String name, String module, int port, Map<String, String> env) {
    }

    /**
     * One running process of a backend service or of the gateway. Instance 1 listens on the
     * service's configured port, further instances ({@code --replicas}) on free ports.
     */
    public static final class Instance {
        private final Service service;
        private final int index;
        private final int port;
        private final ManagedProcess process;

        private Instance(Service service, int index, int port, ManagedProcess process) {
            this.service = service;
            this.index = index;
            this.port = port;
            this.process = process;
        }

        /** The service's name, with {@code -2}, {@code -3} … for the further instances. */
        public String name() {
            return instanceName(service.name(), index);
        }

        public String service() {
            return service.name();
        }

        public int index() {
            return index;
        }

        public int port() {
            return port;
        }

        public String url() {
            return "http://localhost:" + port;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public String toString() {
            return name() + " on " + port;
        }
    }

    private static String instanceName(String service, int index) {
        return index == 1 ? service : service + "-" + index;
    }

    private List<Service> backends() {
        Map<String, String> common = commonEnv();
        return List.of(
                new Service("submission-service", "submission-service", config.submissionPort(),
                        merge(common, database("submission"), Map.of("DEMO_DATA", "true"))),
                new Service("scoring-service", "scoring-service", config.scoringPort(),
                        merge(common, database("scoring"))),
                new Service("catalogue-service", "catalogue-service", config.cataloguePort(),
                        merge(common, database("catalogue"), Map.of("DEMO_OFFERS",
                                System.getenv().getOrDefault("DEMO_OFFERS", "100")))));
    }

    private Map<String, String> commonEnv() {
        return Map.of(
                "OIDC_URL", config.realmUrl(),
                "KAFKA_BOOTSTRAP_SERVERS", config.servicesKafkaBootstrap(),
                "LOG_JSON", "true");
    }

    /**
     * The gateway, given every instance of each backend ({@code --replicas}): it takes them in turn and
     * passes a request on to the next instance when one cannot be reached.
     */
    private Service gateway(Map<Service, List<Integer>> ports) {
        Map<String, String> urls = new LinkedHashMap<>();
        ports.forEach((service, list) -> urls.put(service.name(),
                String.join(",", list.stream().map(port -> "http://localhost:" + port).toList())));
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "SUBMISSION_URL", urls.get("submission-service"),
                "CATALOGUE_URL", urls.get("catalogue-service"),
                "SCORING_URL", urls.get("scoring-service"),
                // The web pages run on this machine and name each visitor in X-Forwarded-For, so the
                // gateway limits anonymous visitors one by one instead of the pages as one client.
                "GATEWAY_TRUSTED_PROXIES", System.getenv().getOrDefault("GATEWAY_TRUSTED_PROXIES",
                        "127.0.0.1,::1")));
        // A test's own stack may give reads longer than the gateway's default (GATEWAY_TIMEOUT_READ): see
        // ReplicasIT. Not an option of the launcher: it starts the gateway with its defaults or the environment's.
        String readTimeout = System.getProperty(GATEWAY_READ_TIMEOUT_PROPERTY);
        if (readTimeout != null && !readTimeout.isBlank()) {
            env.put("GATEWAY_TIMEOUT_READ", readTimeout.strip());
        }
        return new Service("gateway", "gateway", config.gatewayPort(), merge(commonEnv(), env));
    }

    /** System property of a test JVM: the read timeout of the gateway of the stacks it starts. */
    static final String GATEWAY_READ_TIMEOUT_PROPERTY = "handinhand.stack.gateway-read-timeout";

    /** The pages call the gateway like any other client; beside it, not behind it. */
    private Service web() {
        return new Service("web", "web", config.webPort(), Map.of(
                "WEB_PORT", Integer.toString(config.webPort()),
                "GATEWAY_URL", config.gatewayUrl(),
                "OIDC_URL", config.realmUrl(),
                "LOG_JSON", "true"));
    }

    private CompletableFuture<Void> startAndAwait(Service service, int index, int port) {
        Instance instance;
        try {
            instance = startInstance(service, index, port);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                readyAfter.put(instance.name(), instance.process.awaitReady(() -> ready(instance), SERVICE_READY_TIMEOUT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(instance.name() + ": interrupted");
            }
        });
    }

    private static boolean ready(Instance instance) {
        return Http.answers200(instance.url() + "/q/health/ready");
    }

    private static boolean live(Instance instance) {
        return Http.answers200(instance.url() + "/q/health/live");
    }

    private Instance startInstance(Service service, int index, int port) throws IOException {
        Instance instance = new Instance(service, index, port, track(startService(service, index, port)));
        synchronized (instances) {
            instances.computeIfAbsent(service.name(), name -> new ArrayList<>()).add(instance);
        }
        return instance;
    }

    /** Every instance of a service ({@code submission-service}, …, {@code gateway}) in start order. */
    public List<Instance> instances(String service) {
        synchronized (instances) {
            return List.copyOf(instances.getOrDefault(service, List.of()));
        }
    }

    /**
     * Starts one more instance of a backend service on a free port and returns once it is ready.
     * The gateway does not learn of it: it takes no requests, but its outbox relay and its
     * consumers work like those of any other instance.
     */
    public Instance addInstance(String service) throws Exception {
        Service spec = backends().stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No backend service " + service));
        Instance instance = startInstance(spec, instances(service).size() + 1, StackConfig.freePort());
        instance.process.awaitReady(() -> ready(instance), SERVICE_READY_TIMEOUT);
        return instance;
    }

    /** {@code kill -9}: the instance dies at once, in the middle of whatever it does. */
    public void kill(Instance instance) {
        instance.process.kill();
    }

    /** SIGTERM: the instance shuts down the way it does when an operator stops it. */
    public void stop(Instance instance) {
        instance.process.close();
    }

    /** Stops the instance (SIGTERM) and forgets it. */
    public void remove(Instance instance) {
        stop(instance);
        synchronized (instances) {
            instances.getOrDefault(instance.service(), new ArrayList<>()).remove(instance);
        }
    }

    /**
     * Starts a stopped or killed instance again on its port and data; returns once it is ready, or,
     * with {@code readyOnly false}, once it is alive (readiness may wait for something down, such as
     * Kafka).
     */
    public Duration restart(Instance instance, boolean readyOnly) throws Exception {
        return restart(instance, readyOnly, SERVICE_READY_TIMEOUT);
    }

    /**
     * {@link #restart(Instance, boolean)} with a wait of its own: a test that restarts several JVMs at
     * once on a machine already under load gives them longer than a start on a quiet one.
     */
    public Duration restart(Instance instance, boolean readyOnly, Duration timeout) throws Exception {
        instance.process.restart();
        return instance.process.awaitReady(() -> readyOnly ? ready(instance) : live(instance), timeout);
    }

    /** Starts a stopped or killed instance again and returns at once; {@link #awaitReady} waits for it. */
    public void startAgain(Instance instance) throws IOException {
        instance.process.restart();
    }

    /** PostgreSQL keeps serving the connections already open and answers no new one (its postmaster stopped). */
    public void refuseNewDatabaseConnections() throws Exception {
        postgres.refuseNewConnections();
    }

    public void acceptDatabaseConnections() throws Exception {
        postgres.acceptConnections();
    }

    /** Returns once a running instance answers ready (at once if it does), or fails after {@code timeout}. */
    public void awaitReady(Instance instance, Duration timeout) throws InterruptedException {
        instance.process.awaitReady(() -> ready(instance), timeout);
    }

    private Map<String, String> database(String name) {
        return Map.of("DB_URL", postgres.jdbcUrl(name), "DB_USER", name, "DB_PASSWORD", name);
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, String> map : maps) {
            merged.putAll(map);
        }
        return merged;
    }

    private ManagedProcess startService(Service service, int index, int port) throws IOException {
        Path jar = config.home().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build first (mvn -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(config.serviceJavaOpts().trim().split("\\s+")));
        // One service's own options (e.g. CATALOGUE_JAVA_OPTS=-Xmx256m) come after the shared ones,
        // so they win where both set the same flag.
        String own = System.getenv(javaOptsVariable(service.name()));
        if (own != null && !own.isBlank()) {
            command.addAll(List.of(own.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> env = new LinkedHashMap<>(service.env());
        // glibc gives each thread that allocates concurrently its own arena of up to 64 MB; two are
        // plenty for a JVM, whose own heap is not malloc'd, and cut the resident memory left behind.
        env.putIfAbsent("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        env.put("HTTP_PORT", Integer.toString(port));
        if (index > 1) {
            // The demo data is seeded by the first instance alone: instances starting together would race
            // to insert the same rows (fixed ids), and the loser's start-up fails on a duplicate key.
            env.computeIfPresent("DEMO_DATA", (k, v) -> "false");
            env.computeIfPresent("DEMO_OFFERS", (k, v) -> "0");
        }
        String name = instanceName(service.name(), index);
        return new ManagedProcess(name, command, env, config.home(), config.logDir().resolve(name + ".log")).start();
    }

    /** {@code catalogue-service} → {@code CATALOGUE_JAVA_OPTS}, {@code gateway} → {@code GATEWAY_JAVA_OPTS}. */
    static String javaOptsVariable(String serviceName) {
        return serviceName.replace("-service", "").replace('-', '_').toUpperCase(Locale.ROOT) + "_JAVA_OPTS";
    }

    private synchronized ManagedProcess track(ManagedProcess process) {
        processes.add(process);
        return process;
    }

    private void checkPortsFree() {
        List<String> shared = config.sharedPorts();
        if (!shared.isEmpty()) {
            // Otherwise the part started second exits on the busy port while the first answers its probes.
            throw new IllegalStateException(String.join("; ", shared)
                    + ": each part of the stack needs a port of its own; choose another with these variables.");
        }
        Map<String, Integer> ports = config.namedPorts();
        List<String> busy = new ArrayList<>();
        ports.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(name + "=" + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports in use: " + String.join(", ", busy)
                    + ". Is a stack already running? Otherwise choose other ports with these variables.");
        }
    }

    private void prepareDataDir() throws IOException {
        if (config.reset() && Files.exists(config.dataDir())) {
            Console.info("--reset: wiping " + config.dataDir());
            try (Stream<Path> files = Files.walk(config.dataDir())) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(config.logDir());
    }

    private static void join(CompletableFuture<Void> future) throws Exception {
        try {
            future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Stops the Kafka broker (data kept), e.g. to show that nothing committed meanwhile is lost. */
    public void stopKafka() {
        kafka.close();
    }

    /** {@code kill -9} of the broker: no controlled shutdown, its data as the crash left it. */
    public void killKafka() {
        kafka.process().kill();
    }

    /** SIGSTOP: the broker keeps its sockets open and answers nothing until {@link #resumeKafka()}. */
    public void pauseKafka() {
        kafka.process().pause();
    }

    public void resumeKafka() {
        kafka.process().resume();
    }

    /** Starts the broker again on its data and waits until it serves. */
    public void startKafka() throws Exception {
        ManagedProcess broker = track(kafka.start());
        broker.awaitReady(kafka::readyAndTopicsCreated, SERVICE_READY_TIMEOUT);
    }

    public StackConfig config() {
        return config;
    }

    /** Time from process start to ready, per component, and for the whole stack. */
    public Map<String, Duration> readyAfter() {
        synchronized (readyAfter) {
            return new LinkedHashMap<>(readyAfter);
        }
    }

    /** The pids of every process the stack started, their children included. */
    public synchronized List<Long> pids() {
        return processes.stream().flatMap(p -> p.tree().stream()).toList();
    }

    /** The pid of one named process (for tests and the benchmark's memory figures). */
    public synchronized Map<String, Long> namedPids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
    }

    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("\n  Hand in Hand is running (ready after ").append(seconds(readyAfter().get("stack"))).append(").\n");
        s.append("  Ready after start: ");
        readyAfter().forEach((name, took) -> {
            if (!name.equals("stack")) {
                s.append(name).append(' ').append(seconds(took)).append("  ");
            }
        });
        s.append("\n\n");
        s.append("  Web pages          ").append(config.webUrl()).append("/   (Integrationsnavigator; sign in: ")
                .append(config.webUrl()).append("/start)\n");
        s.append("  Gateway (the API)  ").append(config.gatewayUrl()).append("/api/calls\n");
        s.append("  Health             ").append(config.gatewayUrl()).append("/q/health/ready\n");
        s.append("  Keycloak           ").append(config.keycloakUrl()).append("   admin console: admin / admin\n");
        for (String service : List.of("submission-service", "catalogue-service", "scoring-service")) {
            s.append(String.format("  %-19s", service.equals("submission-service") ? "Services" : ""))
                    .append(String.format("%-19s", service))
                    .append(String.join(", ", instances(service).stream().map(i -> Integer.toString(i.port())).toList()))
                    .append(config.replicas() > 1 ? "   (the gateway takes them in turn)" : "").append('\n');
        }
        s.append("  Kafka              ").append(config.kafkaBootstrap())
                .append("   PostgreSQL localhost:").append(config.postgresPort()).append('\n');
        s.append("  Data               ").append(config.dataDir()).append("   (kept between runs; --reset wipes it)\n");
        s.append("  Logs               ").append(config.logDir()).append('\n');
        s.append("\n  Demo users, password \"demo\":\n");
        s.append("    orga (organizer)          juror1 … juror5 (jurors)\n");
        s.append("    hn-orga (organizer of Landkreis Heilbronn's own calls, Kreis 08125)\n");
        s.append("    ak-eppingen (applicant: Asylarbeitskreis Eppingen, 08125030 Eppingen)\n");
        s.append("    heilbronn (submitter, 08125 Landkreis Heilbronn)\n");
        s.append("    recklinghausen (submitter, 05562 Kreis Recklinghausen)\n");
        s.append("    dachau (submitter, 09174 Landkreis Dachau)\n");
        s.append("    heidenheim (submitter, 08135 Landkreis Heidenheim)\n");
        s.append("    bad-sooden-allendorf (submitter, 06636001 Bad Sooden-Allendorf)\n");
        s.append("    re-office (publisher, Kreis 05562)   dah-office (publisher, Kreis 09174)\n");
        s.append("    hn-office (publisher, Kreis 08125)   hdh-office (publisher, Kreis 08135)\n");
        s.append("    wmk-office (publisher, Kreis 06636)\n");
        s.append("    client external-portal / external-portal-demo-secret (role portal)\n");
        s.append("\n  Sign in on the web pages with any demo user: publishers land on /kreis, jurors on /jury,\n");
        s.append("  submitters on /gemeinde, orga on /orga (the public search at / needs no login).\n");
        s.append("\n  Sign in for the API (token for 5 minutes):\n");
        s.append("    TOKEN=$(curl -s -d client_id=handinhand-cli -d grant_type=password -d username=heilbronn \\\n");
        s.append("      -d password=demo ").append(config.realmUrl())
                .append("/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        s.append("    curl -H \"Authorization: Bearer $TOKEN\" ").append(config.gatewayUrl()).append("/api/submissions\n");
        s.append("\n  Ctrl-C stops everything.\n");
        return s.toString();
    }

    private static String seconds(Duration d) {
        return d == null ? "?" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** Stops services first, then Keycloak, Kafka and PostgreSQL; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ManagedProcess> services;
        synchronized (this) {
            services = processes.stream()
                    .filter(p -> !p.name().equals("kafka") && !p.name().equals("keycloak")).toList();
        }
        services.parallelStream().forEach(ManagedProcess::close);
        keycloak.close();
        kafka.close();
        try {
            postgres.close();
        } catch (IOException e) {
            Console.warn("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    static Duration readyTimeout(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return Duration.ofSeconds(120);
        }
        try {
            long value = Long.parseLong(seconds.strip());
            if (value >= 10 && value <= 3_600) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("SERVICE_READY_TIMEOUT must be a whole number of seconds from 10 to 3600, not '"
                + seconds + "'");
    }
}
