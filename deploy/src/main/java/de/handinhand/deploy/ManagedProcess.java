package de.handinhand.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** Set when the stack itself ends the current process; a fresh flag for every start. */
    private volatile AtomicBoolean stopping = new AtomicBoolean();

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
        AtomicBoolean expected = stopping;
        process.onExit().thenAccept(p -> {
            // 130/143: stopped by SIGINT/SIGTERM, e.g. the terminal's Ctrl-C reaching the whole process group.
            if (!expected.get() && p.exitValue() != 130 && p.exitValue() != 143) {
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
        stopping.set(true);
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

    /** Starts a stopped or killed process again: the same command, environment and log. */
    ManagedProcess restart() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        stopping = new AtomicBoolean();
        return start();
    }

    /**
     * Kills the process and its descendants at once (SIGKILL: no shutdown hook, nothing flushed) and
     * waits until they are gone; {@link #restart()} starts it again with the same command and log.
     */
    void kill() {
        if (process == null) {
            return;
        }
        stopping.set(true);
        List<ProcessHandle> tree = java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()),
                process.descendants()).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(name + " (pid " + handle.pid() + ") survived SIGKILL", e);
            }
        }
    }

    /** Freezes the process and its descendants (SIGSTOP): it holds its sockets but answers nothing. */
    void pause() {
        signal("STOP");
    }

    /** Lets a paused process run again (SIGCONT). */
    void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
        tree().forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        stopping.set(true);
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
