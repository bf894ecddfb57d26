package de.handinhand.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The fault suite's own local stack (the launcher, on free ports, in {@code deploy/target/fault-stack})
 * and the levers to break it: the broker killed, frozen or cut off the services by
 * {@link KafkaProxy}, service instances killed or stopped, a service's database login revoked, the
 * whole stack stopped. Plus what the audit reads: the services' databases (as the superuser of the
 * embedded PostgreSQL, over JDBC) and the topics.
 *
 * <p>The services reach Kafka only through the proxy: the broker has a listener of their own,
 * advertised at the proxy's address ({@link StackConfig#withServicesKafkaListener}); the suite's own
 * clients use the broker's ordinary listener and are never cut off.
 */
final class FaultStack implements AutoCloseable {

    static final String SUBMISSION = "submission-service";
    static final String SCORING = "scoring-service";
    static final String CATALOGUE = "catalogue-service";

    private final StackConfig config;
    private final KafkaProxy proxy;
    private final Keycloak keycloak;
    private final Gateway gateway;
    private volatile LocalStack stack;
    private volatile String kafkaState = "up";

    private FaultStack(StackConfig config, KafkaProxy proxy) {
        this.config = config;
        this.proxy = proxy;
        this.keycloak = new Keycloak(config.realmUrl());
        this.gateway = new Gateway(config.gatewayUrl(), keycloak);
    }

    static FaultStack start() throws Exception {
        return start("fault-stack", 1);
    }

    /**
     * A stack of its own in {@code deploy/target/<folder>} with {@code replicas} instances of each backend
     * service ({@code --replicas}), the gateway taking them in turn.
     */
    static FaultStack start(String folder, int replicas) throws Exception {
        Path home = StackConfig.findHome(System.getenv());
        Path data = Files.createDirectories(home.resolve("deploy/target").resolve(folder));
        int listener = StackConfig.freePort();
        int proxyPort = StackConfig.freePort();
        StackConfig config = StackConfig.forTests(home, data).withReplicas(replicas)
                .withServicesKafkaListener(listener, proxyPort);
        FaultStack faults = new FaultStack(config, KafkaProxy.start(proxyPort, listener));
        faults.stack = new LocalStack(config);
        try {
            faults.stack.start();
        } catch (Exception e) {
            faults.proxy.close();
            throw e;
        }
        System.out.println("Fault stack ready: " + faults.stack.readyAfter());
        return faults;
    }

    StackConfig config() {
        return config;
    }

    Gateway gateway() {
        return gateway;
    }

    Keycloak keycloak() {
        return keycloak;
    }

    KafkaProxy proxy() {
        return proxy;
    }

    LocalStack stack() {
        return stack;
    }

    List<LocalStack.Instance> instances(String service) {
        return stack.instances(service);
    }

    LocalStack.Instance instance(String service) {
        return stack.instances(service).get(0);
    }

    /** SIGTERM to every process the launcher started, as Ctrl-C does. */
    void stopWholeStack() {
        stack.close();
    }

    /** The launcher again on the same ports and data; returns how long it took to be ready. */
    Duration startWholeStack() throws Exception {
        stack = new LocalStack(config.keepingData());
        stack.start();
        kafkaState = "up";
        return stack.readyAfter().get("stack");
    }

    // --- the broker ------------------------------------------------------------------------------

    void killKafka() {
        stack.killKafka();
        kafkaState = "down";
    }

    void pauseKafka() {
        stack.pauseKafka();
        kafkaState = "paused";
    }

    void resumeKafka() {
        stack.resumeKafka();
        kafkaState = "up";
    }

    /** Starts the broker on its data; returns once it serves. */
    void startKafka() throws Exception {
        stack.startKafka();
        kafkaState = "up";
    }

    /**
     * After a scenario that failed half-way: every fault it may have left undone, and every process
     * it may have left dead, so the next scenario starts on a whole stack.
     */
    void healEverything() throws Exception {
        proxy.heal();
        restoreLogin("scoring");
        restoreLogin("catalogue");
        execute("submission", "drop trigger if exists fault_rollback on submission_version");
        if (kafkaState.equals("paused")) {
            resumeKafka();
        } else if (kafkaState.equals("down")) {
            startKafka();
        }
        for (String service : List.of(SUBMISSION, SCORING, CATALOGUE)) {
            for (LocalStack.Instance instance : instances(service)) {
                if (!instance.isAlive()) {
                    stack.restart(instance, true);
                }
            }
        }
    }

    // --- databases ----------------------------------------------------------------------------

    Connection connect(String database) throws SQLException {
        // zonky's initdb trusts local connections of its superuser.
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + config.postgresPort() + "/" + database,
                "postgres", "");
    }

    /** Every row of a query, each as an array of its columns. */
    List<Object[]> rows(String database, String sql, Object... parameters) {
        try (Connection c = connect(database); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof String[] texts) {
                    p.setArray(i + 1, c.createArrayOf("text", texts));
                } else if (value instanceof java.util.UUID[] ids) {
                    p.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else {
                    p.setObject(i + 1, value);
                }
            }
            try (ResultSet r = p.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage() + " in " + sql, e);
        }
    }

    long count(String database, String sql, Object... parameters) {
        return ((Number) rows(database, sql, parameters).get(0)[0]).longValue();
    }

    void execute(String database, String... statements) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
    }

    /**
     * The service's database is gone for it: its login role may no longer log in, and every session
     * it holds is ended. Its pool's connections break; new ones are refused.
     */
    void revokeLogin(String role) {
        execute("postgres", "alter role " + role + " nologin",
                "select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + role + "'");
    }

    void restoreLogin(String role) {
        execute("postgres", "alter role " + role + " login");
    }

    // --- Kafka ---------------------------------------------------------------------------------

    private Properties kafkaProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return props;
    }

    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        return offsets(topics, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> offsets(Collection<String> topics, OffsetSpec spec) {
        try (Admin admin = Admin.create(kafkaProperties())) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (var description : admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS).values()) {
                description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()), spec));
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                    : admin.listOffsets(request).all().get(20, TimeUnit.SECONDS).entrySet()) {
                offsets.put(e.getKey(), e.getValue().offset());
            }
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka offsets of " + topics + ": " + e.getMessage(), e);
        }
    }

    /** Every record of the topic from {@code from} (offsets per partition; missing = 0) to its current end. */
    List<ConsumerRecord<String, String>> read(String topic, Map<TopicPartition, Long> from) {
        Properties props = kafkaProperties();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition p : partitions) {
                consumer.seek(p, from.getOrDefault(p, 0L));
            }
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** Records on the topic since {@code from}. */
    long countSince(String topic, Map<TopicPartition, Long> from) {
        long count = 0;
        for (Map.Entry<TopicPartition, Long> e : endOffsets(List.of(topic)).entrySet()) {
            count += e.getValue() - from.getOrDefault(e.getKey(), 0L);
        }
        return count;
    }

    /** The group's committed offsets go back to the start of each topic; its members must be stopped. */
    void resetToEarliest(String group, Collection<String> topics) {
        Map<TopicPartition, Long> earliest = offsets(topics, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        earliest.forEach((p, o) -> offsets.put(p, new OffsetAndMetadata(o)));
        try (Admin admin = Admin.create(kafkaProperties())) {
            admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Resetting group " + group + ": " + e.getMessage(), e);
        }
    }

    /** Records on the topics the group has not committed yet. */
    long lag(String group, Collection<String> topics) {
        Map<TopicPartition, Long> end = endOffsets(topics);
        try (Admin admin = Admin.create(kafkaProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Lag of group " + group + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            proxy.close();
        }
    }
}
