package de.handinhand.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Slow clients against the gateway with its real limits (common-web's defaults, nothing overridden):
 * {@code slowhttptest} (Debian package) holds 1,000 connections that send their request head a few
 * bytes every 5 s (Slowloris) and 1,000 that send a body the same way (R-U-Dead-Yet), for 60 s. All the
 * while a health probe every 250 ms must be answered 200 within 1 s on a fresh connection, and so must
 * slowhttptest's own probe. The bound is the probe's timeout, a pass-or-fail line like a load balancer's
 * health check, not a measured time.
 *
 * <p>Skipped, saying so, where {@code slowhttptest} is not installed ({@code .ci/run} installs it
 * where apt-get works).
 */
@QuarkusTest
class SlowClientsTest {

    static final int CONNECTIONS = 1_000;
    static final int SECONDS = 60;
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    @TestHTTPResource("/q/health/live")
    URL health;

    @Test
    void healthKeepsAnsweringWhileSlowClientsHoldTwoThousandConnections() throws Exception {
        Assumptions.assumeTrue(onPath("slowhttptest"),
                "slowhttptest is not installed (apt-get install slowhttptest): the slow-client run is skipped");
        Path out = Files.createDirectories(Path.of("target", "slowhttptest"));
        String target = health.toString().replace("localhost", "127.0.0.1");

        List<String> failedProbes = new ArrayList<>();
        int[] probes = {0};
        AtomicBoolean running = new AtomicBoolean(true);
        Thread prober = new Thread(() -> {
            while (running.get()) {
                probes[0]++;
                // A new connection each time, like a load balancer's check: the server must still accept.
                String failure = probe();
                if (failure != null) {
                    failedProbes.add("probe " + probes[0] + ": " + failure);
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(250); // the probe's cadence, not a synchronisation
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "health-probe");

        Process headers = slowhttptest(out.resolve("headers"), "-H", "-u", target);
        Process bodies = slowhttptest(out.resolve("bodies"), "-B", "-s", "100000", "-u",
                target.replace("/q/health/live", "/api/calls"));
        prober.start();
        try {
            assertTrue(headers.waitFor(SECONDS + 60, TimeUnit.SECONDS), "slowhttptest -H ends after its 60 s");
            assertTrue(bodies.waitFor(60, TimeUnit.SECONDS), "slowhttptest -B ends after its 60 s");
        } finally {
            running.set(false);
            prober.join(10_000);
            headers.destroyForcibly();
            bodies.destroyForcibly();
        }

        Run slowloris = Run.read(out.resolve("headers.csv"));
        Run rudy = Run.read(out.resolve("bodies.csv"));
        System.out.printf("slowhttptest %d s: Slowloris at most %d connected, %d closed, service unavailable %d s;"
                + " R-U-Dead-Yet at most %d connected, %d closed, unavailable %d s; health probes %d, failed %d%n",
                SECONDS, slowloris.maxConnected, slowloris.lastClosed, slowloris.unavailableSeconds,
                rudy.maxConnected, rudy.lastClosed, rudy.unavailableSeconds, probes[0], failedProbes.size());
        // The attack was real: the server accepted and held the connections, it did not just refuse them.
        assertTrue(slowloris.maxConnected >= CONNECTIONS * 8 / 10, "Slowloris held its connections: " + slowloris);
        assertTrue(rudy.maxConnected >= CONNECTIONS * 8 / 10, "R-U-Dead-Yet held its connections: " + rudy);
        assertTrue(probes[0] >= SECONDS, "the health probe ran throughout: " + probes[0]);
        assertEquals(List.of(), failedProbes, "every health probe answered 200 within " + PROBE_TIMEOUT);
        assertEquals(0, slowloris.unavailableSeconds, "slowhttptest's own probe always got an answer: " + slowloris);
        assertEquals(0, rudy.unavailableSeconds, "slowhttptest's own probe always got an answer: " + rudy);
    }

    /** Null when the health check answered 200 within the probe's timeout; else what went wrong. */
    private String probe() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(health.getHost(), health.getPort()), (int) PROBE_TIMEOUT.toMillis());
            socket.setSoTimeout((int) PROBE_TIMEOUT.toMillis());
            HttpLimitsTest.send(socket, "GET " + health.getPath() + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
            String answer = HttpLimitsTest.readAll(socket);
            return answer.startsWith("HTTP/1.1 200") ? null : answer.lines().findFirst().orElse("no answer");
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Process slowhttptest(Path prefix, String... mode) throws IOException {
        List<String> command = new ArrayList<>(List.of("slowhttptest", "-g", "-o", prefix.toString(),
                "-c", Integer.toString(CONNECTIONS), "-r", "200", "-i", "5", "-x", "24",
                "-l", Integer.toString(SECONDS), "-p", Long.toString(PROBE_TIMEOUT.toSeconds())));
        command.addAll(List.of(mode));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(prefix.resolveSibling(prefix.getFileName() + ".log").toFile()).start();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** slowhttptest's per-second statistics: {@code Seconds,Closed,Pending,Connected,Service Available}. */
    record Run(int maxConnected, int lastClosed, int unavailableSeconds, int rows) {

        static Run read(Path csv) throws IOException {
            int maxConnected = 0;
            int closed = 0;
            int unavailable = 0;
            int rows = 0;
            for (String line : Files.readAllLines(csv)) {
                String[] cells = line.split(",");
                if (cells.length < 5 || !cells[0].trim().matches("[0-9]{1,6}")) {
                    continue;
                }
                rows++;
                closed = Integer.parseInt(cells[1].trim());
                maxConnected = Math.max(maxConnected, Integer.parseInt(cells[3].trim()));
                // The last second may be cut short by the end of the run; slowhttptest writes 0 there too.
                if (Integer.parseInt(cells[4].trim()) == 0 && Integer.parseInt(cells[0].trim()) < SECONDS) {
                    unavailable++;
                }
            }
            if (rows == 0) {
                throw new IllegalStateException("slowhttptest wrote no statistics to " + csv);
            }
            return new Run(maxConnected, closed, unavailable, rows);
        }
    }
}
