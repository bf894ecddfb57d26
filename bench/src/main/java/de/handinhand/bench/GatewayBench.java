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
 * the submitter {@code heilbronn}) against the service directly, through the gateway, and through an
 * nginx reverse proxy in front of the same service, each with {@code clients} connections in a closed
 * loop. After a common warm-up the three alternate in {@code rounds} rounds of {@code seconds} each
 * ({@link Rounds}: direct, gateway, nginx, then nginx, gateway, direct, ...), so neither order nor drift
 * decides the ratio. Prints every round, then gateway/direct and nginx/direct: the median over the rounds
 * of the throughput ratio and of the added p50 and p99, each with its spread. Target: the gateway at
 * least as close to direct as nginx, i.e. at least 0.9 x direct throughput and at most 1 ms added p50.
 *
 * <p>nginx is the Debian package's {@code /usr/sbin/nginx} (or {@code --nginx=PATH}), started by the
 * benchmark with a minimal configuration of its own in a temporary directory (upstream keepalive,
 * HTTP/1.1 to the service, no access log) and stopped again afterwards; without it that part is
 * skipped. The stack must run with {@code GATEWAY_RATE_LIMIT_ENABLED=false}, or the gateway's figures
 * measure 429s. The load generator shares the machine with everything it measures.
 */
final class GatewayBench {

    private static final String NGINX = "/usr/sbin/nginx";
    static final double TARGET_RATIO = 0.9;
    static final double TARGET_ADDED_P50_MS = 1.0;

    private final Target target;
    private final int clients;
    private final Duration duration;
    private final Duration warmup;
    private final int rounds;
    private final URI service;
    private final String path;
    private final String user;
    private final String nginx;
    private final String nginxWorkers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String token;

    /**
     * Options: {@code clients} (32), {@code seconds} per target and round (15), {@code rounds} (6),
     * {@code warmup} per target (10), {@code service} (http://localhost:8081), {@code path}
     * (/api/submissions?size=20), {@code user} (heilbronn, password demo), {@code nginx} (/usr/sbin/nginx),
     * {@code nginx-workers} (auto).
     */
    GatewayBench(Target target, Map<String, String> options) {
        this.target = target;
        this.clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        this.duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15")));
        this.warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        this.rounds = Integer.parseInt(options.getOrDefault("rounds", "6"));
        this.service = URI.create(options.getOrDefault("service", "http://localhost:8081"));
        this.path = options.getOrDefault("path", "/api/submissions?size=20");
        this.user = options.getOrDefault("user", "heilbronn");
        this.nginx = options.getOrDefault("nginx", NGINX);
        this.nginxWorkers = options.getOrDefault("nginx-workers", "auto");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("--path must start with /: " + path);
        }
    }

    /** One base URL under closed-loop load, its connections kept open from the warm-up to the last round. */
    private final class Http implements Rounds.Target, AutoCloseable {

        private final String name;
        private final ClosedLoop loop;
        private boolean warned;

        Http(String name, String base) {
            this.name = name;
            this.loop = new ClosedLoop(base, clients);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Rounds.Measurement measure(Duration time) throws Exception {
            ClosedLoop.Result result = loop.runFor(() -> new ClosedLoop.Call(HttpMethod.GET, path, token), clients,
                    time, 200);
            if (!result.errorSamples().isEmpty() && !warned) {
                warned = true;
                System.out.printf("  %s: errors %s%n", name, result.errorSamples());
                if (result.errorSamples().stream().anyMatch(sample -> sample.contains("status 429"))) {
                    System.out.println("  WARNING: answers were 429 Too Many Requests - start the stack with "
                            + "GATEWAY_RATE_LIMIT_ENABLED=false");
                }
            }
            return new Rounds.Measurement(result.ok() / (result.wallNanos() / 1e9), result.latency(), result.errors());
        }

        @Override
        public void close() {
            loop.close();
        }
    }

    void run() throws Exception {
        token = target.token(user);
        System.out.printf(Locale.ROOT, "gateway benchmark: GET %s as %s, %d connections; %d s warm-up each, then %d "
                + "rounds of %d s per target, alternating%n", path, user, clients, warmup.toSeconds(), rounds,
                duration.toSeconds());
        // Tokens live 5 minutes; the run takes longer. Refreshed off the load's event loop.
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
        List<Http> targets = new ArrayList<>();
        Nginx proxy = null;
        try {
            if (probe("direct", service.toString())) {
                targets.add(new Http("direct", service.toString()));
            }
            if (probe("gateway", target.gateway())) {
                targets.add(new Http("gateway", target.gateway()));
            }
            proxy = startNginx();
            if (proxy != null && probe("nginx", proxy.base())) {
                targets.add(new Http("nginx", proxy.base()));
            }
            if (targets.isEmpty() || !targets.get(0).name().equals("direct") || targets.size() < 2) {
                System.out.println("Nothing to compare: the service directly and at least one proxy must answer 200.");
                return;
            }
            Rounds alternating = new Rounds(warmup, duration, rounds, System.out);
            Map<String, List<Rounds.Measurement>> results = alternating.run(targets);
            System.out.println();
            List<Rounds.Measurement> direct = results.get("direct");
            for (String name : List.of("gateway", "nginx")) {
                if (results.containsKey(name)) {
                    Rounds.Comparison comparison = Rounds.compare(name, results.get(name), "direct", direct);
                    alternating.print(comparison);
                    if (name.equals("gateway") && comparison.rounds() > 0) {
                        double ratio = comparison.throughput().median();
                        double added = comparison.addedP50().median();
                        System.out.printf(Locale.ROOT, "  target: throughput >= %.2f %s, added p50 <= %.0f ms %s%n",
                                TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED", TARGET_ADDED_P50_MS,
                                added <= TARGET_ADDED_P50_MS ? "met" : "MISSED");
                    }
                } else {
                    System.out.printf("%s/direct: no ratio (%s not measured)%n", name, name);
                }
            }
        } finally {
            refresher.shutdownNow();
            targets.forEach(Http::close);
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    /** Whether {@code base} answers the GET with 200; says why not otherwise. */
    private boolean probe(String name, String base) throws InterruptedException {
        HttpResponse<String> probe;
        try {
            probe = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.out.printf("%-8s (%s): not reachable (%s), skipped%n", name, base, e);
            return false;
        }
        if (probe.statusCode() == 429) {
            System.out.printf("%-8s (%s): WARNING: 429 Too Many Requests - start the stack with "
                    + "GATEWAY_RATE_LIMIT_ENABLED=false, or these figures measure the rate limit%n", name, base);
        }
        if (probe.statusCode() != 200) {
            System.out.printf("%-8s (%s): GET %s answers %d, not 200, skipped: %s%n", name, base, path,
                    probe.statusCode(), abbreviate(probe.body()));
            return false;
        }
        System.out.printf("%-8s %s  [%d bytes per answer]%n", name, base, probe.body().length());
        return true;
    }

    /** A running nginx in front of the service; closing stops it and removes its directory. */
    private record Nginx(String base, Process process, Path dir, Thread stopOnExit) implements AutoCloseable {

        @Override
        public void close() {
            stop(process);
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            deleteQuietly(dir);
        }
    }

    /** Starts nginx in front of the service; null (with the reason printed) when it is missing or fails. */
    private Nginx startNginx() throws Exception {
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
        Nginx started = new Nginx("http://127.0.0.1:" + port, process, dir, stopOnExit);
        if (!awaitListening(process, port)) {
            System.out.printf("nginx    : did not start (exit %s):%n%s%n",
                    process.isAlive() ? "none, still running" : String.valueOf(process.exitValue()), logs(dir));
            started.close();
            return null;
        }
        System.out.printf("nginx    : %s, worker_processes %s, %s -> %s%n", version(), nginxWorkers, started.base(),
                service);
        return started;
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
