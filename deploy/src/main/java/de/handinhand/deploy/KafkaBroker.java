package de.handinhand.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * One KRaft Kafka broker (broker and controller in one JVM) from the {@code kafka_2.13} jars:
 * storage formatted once with {@code kafka.tools.StorageTool}, then {@code kafka.Kafka} started
 * with a generated server.properties. Creates the topics of SPEC §4 and the dead-letter topics.
 */
final class KafkaBroker implements AutoCloseable {

    /** Topic name → partitions. Keys are aggregate ids, so an entry's events stay on one partition. */
    static final Map<String, Integer> TOPICS = Map.of(
            "submission-events", 3,
            "scoring-events", 3,
            "catalogue-events", 3,
            "submission-events.scoring.dlq", 1,
            "submission-events.catalogue.dlq", 1,
            "scoring-events.catalogue.dlq", 1,
            "scoring-events.submission.dlq", 1);

    private final StackConfig config;
    private ManagedProcess broker;

    KafkaBroker(StackConfig config) {
        this.config = config;
    }

    ManagedProcess start() throws IOException, InterruptedException {
        Path libs = config.home().resolve("deploy/kafka-runtime/target/kafka-libs");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka's jars are missing in " + libs + "; build first (mvn package)");
        }
        Path dir = config.dataDir().resolve("kafka");
        Path logDirs = dir.resolve("data");
        Files.createDirectories(logDirs);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(logDirs), StandardCharsets.UTF_8);
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = libs.resolve("*").toString();

        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            String clusterId = clusterId();
            new ManagedProcess("kafka-storage-format", List.of(java, "-cp", classpath,
                    "-Dlog4j2.configurationFile=" + log4j, "kafka.tools.StorageTool", "format",
                    "-t", clusterId, "-c", properties.toString()), Map.of(), dir,
                    config.logDir().resolve("kafka.log")).runToCompletion(Duration.ofSeconds(90));
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka",
                properties.toString()));
        broker = new ManagedProcess("kafka", command, Map.of(), dir, config.logDir().resolve("kafka.log")).start();
        return broker;
    }

    /** Ready when the broker answers an admin request; then the topics are created if missing. */
    boolean readyAndTopicsCreated() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(4, TimeUnit.SECONDS);
            List<NewTopic> topics = TOPICS.entrySet().stream()
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1)).toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    String serverProperties(Path logDirs) {
        // The services may have a listener of their own, advertised at a proxy's address (StackConfig).
        String listeners = "PLAINTEXT://localhost:" + config.kafkaPort();
        String advertised = "PLAINTEXT://localhost:" + config.kafkaPort();
        String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
        if (config.kafkaServicesPort() != 0) {
            listeners += ",SERVICES://localhost:" + config.kafkaServicesPort();
            advertised += ",SERVICES://localhost:" + config.kafkaServicesAdvertisedPort();
            protocols += ",SERVICES:PLAINTEXT";
        }
        return """
                # Generated by the Hand in Hand launcher on every start; edit deploy/.../KafkaBroker.java instead.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=%4$s,CONTROLLER://localhost:%2$d
                advertised.listeners=%5$s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=%6$s
                log.dirs=%3$s
                num.partitions=3
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                log.retention.hours=168
                """.formatted(config.kafkaPort(), config.kafkaControllerPort(), logDirs, listeners, advertised,
                protocols);
    }

    /**
     * A random cluster id in Kafka's format (URL-safe base64 of 16 bytes). Like Kafka's own
     * Uuid.randomUuid, it never starts with '-', which the storage tool would read as an option.
     */
    static String clusterId() {
        String id;
        do {
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes());
        } while (id.startsWith("-"));
        return id;
    }

    private static byte[] uuidBytes() {
        UUID uuid = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    /** The running broker process. */
    ManagedProcess process() {
        if (broker == null) {
            throw new IllegalStateException("The broker is not running");
        }
        return broker;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    private static final String LOG4J = """
            # Generated by the Hand in Hand launcher.
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
            rootLogger.level = info
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.kafka.name = kafka
            logger.kafka.level = warn
            logger.apache.name = org.apache.kafka
            logger.apache.level = warn
            logger.started.name = kafka.server.KafkaRaftServer
            logger.started.level = info
            """;
}
