package de.handinhand.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `mvn -Pimages package` as an operator runs it, without a Docker daemon: in a copy of the
 * repository (so this build's own target folders stay untouched), against a registry on 127.0.0.1
 * (Debian's docker-registry) and a JRE base image made from this machine's JDK as a tarball
 * (deploy/images/jre-base-image.sh, given as tar://). Then every pushed manifest is read back with
 * skopeo: layers on top of the base, entrypoint, working directory, user, exposed port. The
 * gateway's image is unpacked with umoci and started as its config says (as user 185, in its own
 * root and PID namespace): it must answer its health check and, on SIGTERM, report not ready for
 * the shutdown delay before it stops.
 *
 * Skipped with a message where docker-registry, skopeo, umoci or jlink are missing.
 * -Dhandinhand.images.modules=gateway,web restricts the build to some applications (default: all).
 */
class ContainerImageIT {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(25);
    private static Path work;
    private static Process registry;
    private static String registryAddress;
    private static Path baseImage;
    private static List<ServiceModules> apps;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void buildAndPushImages() throws Exception {
        for (String tool : List.of("docker-registry", "skopeo", "umoci")) {
            assumeTrue(Tools.onPath(tool).isPresent(), tool + " is not on PATH (Debian packages docker-registry, skopeo,"
                    + " umoci): the container images are not built");
        }
        assumeTrue(Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jlink"))
                        && Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods")),
                "this JDK has no jlink/jmods: no local base image can be made, the container images are not built");

        work = Files.createTempDirectory("handinhand-images");
        baseImage = work.resolve("jre-base.tar");
        Tools.Result base = Tools.run(List.of("bash", DeployFiles.deploy("images/jre-base-image.sh").toString(),
                baseImage.toString()), work, Map.of("JAVA_HOME", System.getProperty("java.home")), Duration.ofMinutes(5));
        assertEquals(0, base.exitCode(), base.output());

        registryAddress = "127.0.0.1:" + freePort();
        Path config = Files.writeString(work.resolve("registry.yml"), """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: %s
                """.formatted(work.resolve("registry"), registryAddress));
        registry = new ProcessBuilder("docker-registry", "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("registry.log").toFile()).start();
        awaitHttp("http://" + registryAddress + "/v2/", 200, Duration.ofSeconds(30));

        Path copy = work.resolve("repo");
        copyRepository(DeployFiles.home(), copy);
        String wanted = System.getProperty("handinhand.images.modules", "");
        apps = ServiceModules.all().stream()
                .filter(a -> wanted.isBlank() || List.of(wanted.split(",")).contains(a.name())).toList();
        assertTrue(!apps.isEmpty(), "no Quarkus application to build");

        List<String> mvn = new ArrayList<>(List.of(maven(), "-B", "-ntp", "-Pimages", "package", "-DskipTests",
                "-pl", apps.stream().map(ServiceModules::module).collect(Collectors.joining(",")), "-am",
                "-Dquarkus.container-image.registry=" + registryAddress,
                "-Dquarkus.container-image.insecure=true",
                "-Dquarkus.jib.base-jvm-image=tar://" + baseImage));
        Optional.ofNullable(System.getProperty("maven.repo.local")).filter(s -> !s.isBlank())
                .ifPresent(repo -> mvn.add("-Dmaven.repo.local=" + repo));
        long started = System.nanoTime();
        Tools.Result build = Tools.run(mvn, copy, Map.of(), BUILD_TIMEOUT);
        Files.writeString(work.resolve("build.log"), build.output());
        assertEquals(0, build.exitCode(), "mvn -Pimages package failed:\n" + tail(build.output(), 80));
        System.out.printf("[ContainerImageIT] mvn -Pimages package for %s: %d s%n",
                apps.stream().map(ServiceModules::name).toList(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.destroy();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyApplicationIsPushedAsAnImageOnTheGivenBaseWithItsEntrypointAndPort() throws IOException {
        JsonNode baseConfig = DeployFiles.JSON.readTree(inspect("docker-archive:" + baseImage, "--config"));
        String baseLayer = baseConfig.path("rootfs").path("diff_ids").get(0).asText();
        for (ServiceModules app : apps) {
            String ref = "docker://" + registryAddress + "/handinhand/" + app.name() + ":1.0.0-SNAPSHOT";
            JsonNode manifest = DeployFiles.JSON.readTree(inspect(ref, "--raw"));
            JsonNode config = DeployFiles.JSON.readTree(inspect(ref, "--config"));
            String name = app.name();

            assertEquals(2, manifest.path("schemaVersion").asInt(), name);
            JsonNode layers = manifest.path("layers");
            // The base's layer first, then Jib's: boot libraries, libraries, Quarkus' own files, the app.
            assertTrue(layers.size() >= 4, name + ": " + layers.size() + " layers");
            assertEquals(baseLayer, config.path("rootfs").path("diff_ids").get(0).asText(), name + " is built on the tar base");
            long bytes = 0;
            for (JsonNode layer : layers) {
                assertTrue(layer.path("mediaType").asText().endsWith("tar.gzip") || layer.path("mediaType").asText().endsWith("tar+gzip"),
                        name + ": " + layer.path("mediaType").asText());
                bytes += layer.path("size").asLong();
            }
            JsonNode c = config.path("config");
            assertEquals(List.of("java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "quarkus-run.jar"),
                    strings(c.path("Entrypoint")), name);
            assertEquals("/home/jboss", c.path("WorkingDir").asText(), name);
            assertEquals("185", c.path("User").asText(), name + " runs as a non-root user");
            assertEquals(List.of(app.port() + "/tcp"), fieldNames(c.path("ExposedPorts")), name);
            assertTrue(strings(c.path("Env")).contains("JAVA_HOME=/opt/java"), name + " keeps the base's environment");
            System.out.printf("[ContainerImageIT] %s: %d layers, %.1f MB compressed (%.1f MB without the base layer)%n",
                    name, layers.size(), bytes / 1e6, (bytes - layers.get(0).path("size").asLong()) / 1e6);
        }
    }

    @Test
    void theGatewayImageStartsAndDrainsBeforeItStops() throws Exception {
        assumeTrue(apps.stream().anyMatch(a -> a.name().equals("gateway")), "the gateway image was not built");
        assumeTrue("root".equals(System.getProperty("user.name")) && Tools.onPath("unshare").isPresent(),
                "starting an image needs root and unshare (util-linux): only the manifests were checked");
        Path layout = work.resolve("oci");
        Tools.Result copy = Tools.run(List.of("skopeo", "copy", "--quiet", "--src-tls-verify=false",
                "docker://" + registryAddress + "/handinhand/gateway:1.0.0-SNAPSHOT", "oci:" + layout + ":gateway"), work);
        assertEquals(0, copy.exitCode(), copy.output());
        Path bundle = work.resolve("bundle");
        Tools.Result unpack = Tools.run(List.of("umoci", "unpack", "--image", layout + ":gateway", bundle.toString()), work);
        assertEquals(0, unpack.exitCode(), unpack.output());

        // Start the image the way its config says: its entrypoint, working directory, user and environment.
        JsonNode process = DeployFiles.JSON.readTree(bundle.resolve("config.json").toFile()).path("process");
        int port = freePort();
        Path rootfs = bundle.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("proc"));
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
                "--mount-proc", "--root=" + rootfs, "--wd=" + process.path("cwd").asText(),
                "--setuid", process.path("user").path("uid").asText(), "--setgid", process.path("user").path("gid").asText()));
        command.addAll(strings(process.path("args")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("gateway.log").toFile());
        builder.environment().clear();
        for (String env : strings(process.path("env"))) {
            int eq = env.indexOf('=');
            builder.environment().put(env.substring(0, eq), env.substring(eq + 1));
        }
        builder.environment().putAll(Map.of("HTTP_PORT", Integer.toString(port), "OIDC_CONNECTION_DELAY", "0S",
                "LOG_JSON", "false", "QUARKUS_SHUTDOWN_DELAY", "5s"));
        Process gateway = builder.start();
        try {
            awaitHttp("http://127.0.0.1:" + port + "/q/health/live", 200, Duration.ofSeconds(90));
            assertEquals(200, get("http://127.0.0.1:" + port + "/q/health/ready").statusCode());

            // SIGTERM to the JVM, as the kubelet sends it: readiness goes down first, requests still answered.
            ProcessHandle jvm = gateway.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                    .findFirst().orElseThrow(() -> new AssertionError("no JVM under " + gateway.pid()));
            assertTrue(jvm.destroy(), "SIGTERM");
            // Within QUARKUS_SHUTDOWN_DELAY (5 s) readiness must turn to 503 while the process still answers.
            awaitHttp("http://127.0.0.1:" + port + "/q/health/ready", 503, Duration.ofSeconds(4));
            HttpResponse<String> draining = get("http://127.0.0.1:" + port + "/q/health/ready");
            assertTrue(draining.body().contains("Graceful Shutdown"), draining.body());
            assertTrue(jvm.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS) != null);
        } finally {
            gateway.descendants().forEach(ProcessHandle::destroyForcibly);
            gateway.destroyForcibly();
        }
    }

    // ---- helpers ----

    private static String inspect(String ref, String what) {
        List<String> command = new ArrayList<>(List.of("skopeo", "inspect", what));
        if (ref.startsWith("docker://")) {
            command.add("--tls-verify=false");
        }
        command.add(ref);
        Tools.Result r = Tools.run(command, work);
        assertEquals(0, r.exitCode(), r.output());
        return r.output();
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    /** The repository's tracked files (git ls-files), or its files without build output where git is absent. */
    private static void copyRepository(Path from, Path to) throws IOException {
        List<String> files;
        Tools.Result git = Tools.onPath("git").isPresent()
                ? Tools.run(List.of("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"), from)
                : new Tools.Result(1, "");
        if (git.exitCode() == 0) {
            files = List.of(git.output().split("\0"));
        } else {
            try (Stream<Path> walk = Files.walk(from)) {
                files = walk.filter(Files::isRegularFile).map(p -> from.relativize(p).toString())
                        .filter(p -> !p.matches("(.*/)?(target|node_modules|\\.data|\\.git)/.*")).toList();
            }
        }
        for (String file : files) {
            if (file.isBlank() || !Files.isRegularFile(from.resolve(file))) {
                continue;
            }
            Path target = to.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(file), target);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the URL answers the status, failing after the deadline. */
    private static void awaitHttp(String url, int status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(url).statusCode() == status);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
