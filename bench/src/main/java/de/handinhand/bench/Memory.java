package de.handinhand.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resident memory of each process of the stack, read from /proc: RSS and PSS (proportional set
 * size, which splits shared pages fairly, so PostgreSQL's many processes add up honestly).
 */
final class Memory {

    private static final Map<String, String> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("gateway", "gateway/target/quarkus-app/quarkus-run.jar");
        PATTERNS.put("submission-service", "submission-service/target/quarkus-app/quarkus-run.jar");
        PATTERNS.put("catalogue-service", "catalogue-service/target/quarkus-app/quarkus-run.jar");
        PATTERNS.put("scoring-service", "scoring-service/target/quarkus-app/quarkus-run.jar");
        PATTERNS.put("keycloak", "-Dkc.home.dir=");
        PATTERNS.put("kafka", "kafka.Kafka");
        PATTERNS.put("postgres (all processes)", "postgres");
        PATTERNS.put("launcher", "de.handinhand.deploy.LocalStack");
    }

    private Memory() {
    }

    static void print() throws IOException {
        Map<String, long[]> totals = new LinkedHashMap<>();
        PATTERNS.keySet().forEach(k -> totals.put(k, new long[3]));
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String cmd = cmdline(proc);
                String name = classify(cmd);
                if (name != null) {
                    long[] t = totals.get(name);
                    t[0] += kb(proc.resolve("status"), "VmRSS:");
                    t[1] += kb(proc.resolve("smaps_rollup"), "Pss:");
                    t[2]++;
                }
            }
        }
        System.out.printf("%-26s %10s %10s %6s%n", "process", "RSS MiB", "PSS MiB", "procs");
        long rss = 0;
        long pss = 0;
        for (var e : totals.entrySet()) {
            long[] t = e.getValue();
            if (t[2] == 0) {
                continue;
            }
            rss += t[0];
            pss += t[1];
            System.out.printf("%-26s %10.1f %10.1f %6d%n", e.getKey(), t[0] / 1024.0, t[1] / 1024.0, t[2]);
        }
        System.out.printf("%-26s %10.1f %10.1f%n", "total", rss / 1024.0, pss / 1024.0);
    }

    private static String classify(String cmd) {
        if (cmd.isEmpty()) {
            return null;
        }
        for (var e : PATTERNS.entrySet()) {
            if (e.getKey().startsWith("postgres")) {
                String exe = cmd.split("\u0000", 2)[0];
                if (exe.endsWith("/bin/postgres") || cmd.startsWith("postgres:")) {
                    return e.getKey();
                }
            } else if (cmd.contains(e.getValue())) {
                return e.getKey();
            }
        }
        // The launcher started with java -jar shows up by its jar name.
        return cmd.contains("handinhand-stack.jar") ? "launcher" : null;
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static long kb(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
