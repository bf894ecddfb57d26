package de.handinhand.bench;

import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the gateway costs: the same authenticated GET (default {@code GET /api/submissions?size=20} as
 * the submitter {@code heilbronn}) in one run against the service directly, through the gateway, and
 * through an nginx reverse proxy in front of the same service, each with {@code clients} connections
 * in a closed loop for {@code seconds} after {@code warmup} seconds. Prints throughput and latency
 * percentiles for each, then gateway/direct and nginx/direct: the throughput ratio and the p50 each
 * proxy adds. Target: gateway at least 0.8 x direct throughput, at most 1 ms added p50.
 *
 * <p>nginx is the Debian package's {@code /usr/sbin/nginx} (or {@code --nginx=PATH}), started by the
 * benchmark with a minimal configuration of its own in a temporary directory (upstream keepalive,
 * HTTP/1.1 to the service, no access log) and stopped again afterwards; without it that part is
 * skipped. The stack must run with {@code GATEWAY_RATE_LIMIT_ENABLED=false}, or the gateway's figures
 * measure 429s. The load generator shares the machine with everything it measures.
 */
final class GatewayBench {

    private static final String NGINX = "/usr/sbin/nginx";

    private final Target target;
    private final int clients;
    private final Duration duration;
    private final Duration warmup;
    private final URI service;
    private final String path;
    private final String user;
    private final String nginx;
    private final String nginxWorkers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String token;

    /**
     * Options: {@code clients} (32), {@code seconds} (30), {@code warmup} (10), {@code service}
     * (http://localhost:8081), {@code path} (/api/submissions?size=20), {@code user} (heilbronn, password
     * demo), {@code nginx} (/usr/sbin/nginx), {@code nginx-workers} (auto).
     */
    GatewayBench(Target target, Map<String, String> options) {
        this.target = target;
        this.clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        this.duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        this.warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        this.service = URI.create(options.getOrDefault("service", "http://localhost:8081"));
        this.path = options.getOrDefault("path", "/api/submissions?size=20");
        this.user = options.getOrDefault("user", "heilbronn");
        this.nginx = options.getOrDefault("nginx", NGINX);
        this.nginxWorkers = options.getOrDefault("nginx-workers", "auto");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("--path must start with /: " + path);
        }
    }

    /** One target's figures (a skipped target has none: {@code null}). */
    private record Run(String name, double rate, Stats latency, int errors) {

        double p(double percentile) {
            return latency.percentile(percentile);
        }
    }

    void run() throws Exception {
        token = target.token(user);
        System.out.printf(Locale.ROOT, "gateway benchmark: GET %s as %s, %d connections, %d s each after %d s warm-up%n",
                path, user, clients, duration.toSeconds(), warmup.toSeconds());
        // Tokens live 5 minutes; the run takes longer with long phases. Refreshed off the load's event loop.
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "token-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleAtFixedRate(() -> {
            try {
                token = target.token(user);
            } catch (Exception e) {
                System.out.println("  token refresh failed: " + e.getMessage());
            }
        }, 60, 60, TimeUnit.SECONDS);
        try {
            Run direct = measure("direct", service.toString());
            Run gateway = measure("gateway", target.gateway());
            Run proxied = throughNginx();
            System.out.println();
            compare(gateway, direct, true);
            compare(proxied, direct, false);
        } finally {
            refresher.shutdownNow();
        }
    }

    private Run measure(String name, String base) throws Exception {
        HttpResponse<String> probe;
        try {
            probe = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.out.printf("%-8s (%s): not reachable (%s), skipped%n", name, base, e);
            return null;
        }
        if (probe.statusCode() == 429) {
            System.out.printf("%-8s (%s): WARNING: 429 Too Many Requests - start the stack with "
                    + "GATEWAY_RATE_LIMIT_ENABLED=false, or these figures measure the rate limit%n", name, base);
        }
        if (probe.statusCode() != 200) {
            System.out.printf("%-8s (%s): GET %s answers %d, not 200, skipped: %s%n", name, base, path,
                    probe.statusCode(), abbreviate(probe.body()));
            return null;
        }
        java.util.function.Supplier<ClosedLoop.Call> next = () -> new ClosedLoop.Call(HttpMethod.GET, path, token);
        ClosedLoop.Result result;
        try (ClosedLoop loop = new ClosedLoop(base, clients)) {
            if (!warmup.isZero()) {
                loop.runFor(next, clients, warmup, 200);
            }
            result = loop.runFor(next, clients, duration, 200);
        }
        double rate = result.ok() / (result.wallNanos() / 1e9);
        Stats latency = result.latency();
        System.out.printf(Locale.ROOT, "%-8s (%s): %.0f req/s, p50=%.2f ms  p95=%.2f ms  p99=%.2f ms, %d ok, "
                        + "errors=%d%s  [%d bytes per answer]%n", name, base, rate, latency.percentile(50),
                latency.percentile(95), latency.percentile(99), result.ok(), result.errors(),
                result.errorSamples().isEmpty() ? "" : " " + result.errorSamples(), probe.body().length());
        if (result.errorSamples().stream().anyMatch(sample -> sample.contains("status 429"))) {
            System.out.println("  WARNING: answers were 429 Too Many Requests - start the stack with "
                    + "GATEWAY_RATE_LIMIT_ENABLED=false");
        }
        return result.ok() == 0 ? null : new Run(name, rate, latency, result.errors());
    }

    /** Starts nginx in front of the service, measures through it, and always stops it again. */
    private Run throughNginx() throws Exception {
        if (!Files.isExecutable(Path.of(nginx))) {
            System.out.printf("nginx    : %s not found, skipped (Debian: apt-get install nginx; or --nginx=PATH)%n",
                    nginx);
            return null;
        }
        Path dir = Files.createTempDirectory("gateway-bench-nginx");
        int port = freePort();
        Files.writeString(dir.resolve("nginx.conf"), config(dir, port));
        Process process = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Thread stopOnExit = new Thread(() -> stop(process));
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            String base = "http://127.0.0.1:" + port;
            if (!awaitListening(process, port)) {
                System.out.printf("nginx    : did not start (exit %s):%n%s%n",
                        process.isAlive() ? "none, still running" : String.valueOf(process.exitValue()), logs(dir));
                return null;
            }
            System.out.printf("nginx    : %s, worker_processes %s, %s -> %s%n", version(), nginxWorkers, base, service);
            return measure("nginx", base);
        } finally {
            stop(process);
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            deleteQuietly(dir);
        }
    }

    /** A minimal reverse proxy: everything to the service over kept-alive HTTP/1.1 connections, nothing logged. */
    private String config(Path dir, int port) {
        String host = service.getHost().equals("localhost") ? "127.0.0.1" : service.getHost();
        int servicePort = service.getPort() > 0 ? service.getPort() : 80;
        return """
                worker_processes %1$s;
                pid %2$s/nginx.pid;
                error_log %2$s/error.log warn;
                events {
                    worker_connections 4096;
                }
                http {
                    access_log off;
                    client_body_temp_path %2$s/client_body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    upstream service {
                        server %3$s:%4$d;
                        keepalive %5$d;
                    }
                    server {
                        listen 127.0.0.1:%6$d;
                        location / {
                            proxy_pass http://service;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                }
                """.formatted(nginxWorkers, dir, host, servicePort, Math.max(clients, 16), port);
    }

    private boolean awaitListening(Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                // Polls the port: nginx signals nothing else when it is ready.
                Thread.sleep(50);
            }
        }
        return false;
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy(); // SIGTERM: nginx's fast shutdown, the master ends its workers
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void compare(Run proxy, Run direct, boolean withTarget) {
        String name = withTarget ? "gateway" : "nginx";
        if (proxy == null || direct == null) {
            System.out.printf("%s/direct: no ratio (%s missing)%n", name, proxy == null ? name : "direct");
            return;
        }
        double ratio = proxy.rate() / direct.rate();
        double addedP50 = proxy.p(50) - direct.p(50);
        double addedP99 = proxy.p(99) - direct.p(99);
        System.out.printf(Locale.ROOT, "%s/direct: throughput %.2f, added p50 %+.2f ms, added p99 %+.2f ms", name, ratio,
                addedP50, addedP99);
        if (withTarget) {
            System.out.printf(Locale.ROOT, "   (target: throughput >= 0.80 %s, added p50 <= 1 ms %s)",
                    ratio >= 0.8 ? "met" : "MISSED", addedP50 <= 1.0 ? "met" : "MISSED");
        }
        System.out.println();
    }

    private String version() {
        try {
            Process v = new ProcessBuilder(nginx, "-v").redirectErrorStream(true).start();
            String out = new String(v.getInputStream().readAllBytes()).strip();
            v.waitFor(5, TimeUnit.SECONDS);
            return out.replace("nginx version: ", "");
        } catch (IOException | InterruptedException e) {
            return "nginx";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String logs(Path dir) {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("stdout.log", "error.log")) {
            try {
                out.append(Files.readString(dir.resolve(name)));
            } catch (IOException e) {
                // not written
            }
        }
        return out.toString().strip();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.out.println("  (could not remove " + dir + ": " + e.getMessage() + ")");
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
