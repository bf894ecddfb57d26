package de.handinhand.deploy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one local stack of a failsafe run (embedded PostgreSQL, Kafka, Keycloak and the services,
 * started by the same launcher as {@code mvn -Pstack}, on free ports), shared by every end-to-end
 * class: starting it costs a minute or two, so it starts once per JVM ({@link LocalStackExtension})
 * and stops when the run ends. A test may stop Kafka or restart the whole stack; it must leave it
 * running and healthy, on the same ports, for whatever runs next.
 */
final class SharedStack implements AutoCloseable {

    private final StackConfig config;
    private final Keycloak keycloak;
    private final Gateway gateway;
    /** Every process the stack ever started (restarts included): none may outlive it. */
    private final Set<Long> started = new LinkedHashSet<>();
    private LocalStack stack;

    private SharedStack(StackConfig config) {
        this.config = config;
        this.keycloak = new Keycloak(config.realmUrl());
        this.gateway = new Gateway(config.gatewayUrl(), keycloak);
    }

    /** A fresh stack in {@code deploy/target/it-stack} (wiped first), ready to serve. */
    static SharedStack start() throws Exception {
        Path home = StackConfig.findHome(System.getenv());
        Path data = Files.createDirectories(home.resolve("deploy/target/it-stack"));
        SharedStack shared = new SharedStack(StackConfig.forTests(home, data));
        shared.startStack(shared.config);
        return shared;
    }

    StackConfig config() {
        return config;
    }

    Keycloak keycloak() {
        return keycloak;
    }

    Gateway gateway() {
        return gateway;
    }

    /** Stops the broker (its data kept), e.g. to show that nothing committed meanwhile is lost. */
    synchronized void stopKafka() {
        stack.stopKafka();
    }

    /** Starts the broker again on its data, unless it is running; returns once it serves. */
    synchronized void ensureKafkaRunning() throws Exception {
        if (!listening(config.kafkaPort())) {
            stack.startKafka();
            started.addAll(stack.pids());
        }
    }

    /**
     * Kills the first instance of {@code service} and starts it again while PostgreSQL answers no new
     * connection; lets the database answer again once {@code waiting} holds for what the instance has
     * logged since, then waits until the instance is ready. Returns that log.
     */
    synchronized String restartWhileTheDatabaseRefuses(String service, Predicate<String> waiting,
            Duration timeout) throws Exception {
        LocalStack.Instance instance = stack.instances(service).get(0);
        Path log = config.logDir().resolve(instance.name() + ".log");
        long from = Files.size(log);
        stack.kill(instance);
        stack.refuseNewDatabaseConnections();
        try {
            stack.startAgain(instance);
            started.addAll(stack.pids());
            Gateway.eventually(instance.name() + " restarted while the database refuses, logging that it waits",
                    timeout, () -> {
                        if (!instance.isAlive()) {
                            throw new IllegalStateException(instance.name() + " exited instead of waiting for the "
                                    + "database; its log since the restart:\n" + logSince(log, from));
                        }
                        return logSince(log, from);
                    }, waiting);
        } finally {
            stack.acceptDatabaseConnections();
        }
        stack.awaitReady(instance, timeout);
        started.addAll(stack.pids());
        return logSince(log, from);
    }

    private static String logSince(Path log, long from) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(Math.min(from, file.length()));
            byte[] bytes = new byte[(int) (file.length() - file.getFilePointer())];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Stops everything, checks that no process and no port is left, and starts the stack again on
     * the same ports and the same data.
     */
    synchronized void restart() throws Exception {
        stopAndCheckNothingIsLeft();
        startStack(config.keepingData());
    }

    /**
     * Called by JUnit once the whole run is over; something left running fails the run (as a
     * failure of the JUnit Jupiter engine, after the last test class).
     */
    @Override
    public synchronized void close() {
        if (stack != null) {
            stopAndCheckNothingIsLeft();
            System.out.println("Stack stopped: no process and no port left");
        }
    }

    private void startStack(StackConfig with) throws Exception {
        stack = new LocalStack(with);
        try {
            stack.start();
        } finally {
            started.addAll(stack.pids());
        }
        System.out.println("Stack ready: " + stack.readyAfter());
    }

    private void stopAndCheckNothingIsLeft() {
        started.addAll(stack.pids());
        stack.close();
        stack = null;
        List<String> left = new ArrayList<>();
        for (long pid : started) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                left.add("process " + pid);
            }
        }
        for (int port : List.of(config.gatewayPort(), config.submissionPort(), config.cataloguePort(),
                config.scoringPort(), config.keycloakPort(), config.kafkaPort(), config.postgresPort(),
                config.webPort())) {
            if (listening(port)) {
                left.add("port " + port);
            }
        }
        if (!left.isEmpty()) {
            throw new AssertionError("Still alive after the stack stopped: " + left);
        }
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
