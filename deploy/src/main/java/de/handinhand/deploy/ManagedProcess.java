package de.handinhand.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process of the stack with its output in a log file. Stopping it stops its whole
 * process tree (a shell script's JVM included): SIGTERM first, SIGKILL for what is left after a
 * grace period, so nothing outlives the launcher's Ctrl-C.
 */
final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path log;
    private Process process;
    private long startedNanos;
    private volatile boolean stopping;

    ManagedProcess(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        this.name = name;
        this.command = command;
        this.env = env;
        this.workDir = workDir;
        this.log = log;
    }

    ManagedProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        startedNanos = System.nanoTime();
        process = builder.start();
        process.onExit().thenAccept(p -> {
            // 130/143: stopped by SIGINT/SIGTERM, e.g. the terminal's Ctrl-C reaching the whole process group.
            if (!stopping && p.exitValue() != 130 && p.exitValue() != 143) {
                Console.warn(name + " exited unexpectedly with code " + p.exitValue() + "; see " + log);
            }
        });
        return this;
    }

    /** Waits until {@code ready} holds; fails early, with the log's tail, if the process dies. */
    Duration awaitReady(BooleanSupplier ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up (exit code " + process.exitValue()
                        + "). Last lines of " + log + ":\n" + tail(30));
            }
            if (ready.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s. Last lines of "
                + log + ":\n" + tail(30));
    }

    /** Runs the command to completion (a one-off tool such as Kafka's storage formatter). */
    void runToCompletion(Duration timeout) throws IOException, InterruptedException {
        stopping = true;
        start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException(name + " did not finish in " + timeout.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (exit code " + process.exitValue() + "):\n" + tail(30));
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The pids of the process and all its descendants, for checking that nothing is left behind. */
    List<Long> tree() {
        if (process == null) {
            return List.of();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()),
                process.descendants()).map(ProcessHandle::pid).toList();
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        stopping = true;
        List<ProcessHandle> tree = java.util.stream.Stream.concat(process.descendants(),
                java.util.stream.Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
