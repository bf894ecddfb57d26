package de.handinhand.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** External tools the deploy tests drive (kubectl, node, docker-compose, skopeo...): find and run them. */
final class Tools {

    private Tools() {
    }

    /** A command on PATH, or empty. */
    static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The npm packages of deploy/src/test/node, once installed (`npm ci` there; .ci/run does it). */
    static Optional<Path> nodeChecks() {
        Path dir = DeployFiles.deploy("src/test/node");
        boolean installed = Files.isDirectory(dir.resolve("node_modules/kubernetes-models"))
                && Files.isDirectory(dir.resolve("node_modules/dclint"));
        return installed && onPath("node").isPresent() ? Optional.of(dir) : Optional.empty();
    }

    static String missingNodeChecks() {
        return "the npm packages of deploy/src/test/node are not installed: run `npm ci --prefix deploy/src/test/node`"
                + " (needs node and npm)";
    }

    record Result(int exitCode, String output) {
    }

    /** Runs a command to its end (stdout and stderr together), failing the test when it outlives the timeout. */
    static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout) {
        try {
            Path out = Files.createTempFile("handinhand-tool", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish within " + timeout + ":\n"
                            + Files.readString(out, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Result run(List<String> command, Path dir) {
        return run(command, dir, Map.of(), Duration.ofMinutes(2));
    }
}
