package de.handinhand.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak from its Maven Central distribution ({@code keycloak-quarkus-dist}, unpacked into
 * deploy/target/keycloak by the build), in dev mode on the stack's PostgreSQL, with the
 * handinhand realm imported from {@value StackConfig#REALM_FILE} when it does not exist yet.
 */
final class KeycloakServer implements AutoCloseable {

    private final StackConfig config;
    private final PostgresServer postgres;
    private ManagedProcess keycloak;

    KeycloakServer(StackConfig config, PostgresServer postgres) {
        this.config = config;
        this.postgres = postgres;
    }

    ManagedProcess start() throws IOException {
        Path home = distribution();
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(config.home().resolve(StackConfig.REALM_FILE), imports.resolve("handinhand-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Path script = home.resolve("bin/kc.sh");
        script.toFile().setExecutable(true);
        List<String> command = List.of("/bin/sh", script.toString(), "start-dev",
                "--http-port=" + config.keycloakPort(),
                "--import-realm",
                "--db=postgres",
                "--db-url=" + postgres.jdbcUrl("keycloak"),
                "--db-username=keycloak",
                "--db-password=keycloak");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                // Local demo admin for the console; the realm's own users are in the realm file.
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        keycloak = new ManagedProcess("keycloak", command, env, home, config.logDir().resolve("keycloak.log"))
                .start();
        return keycloak;
    }

    boolean realmReady() {
        return Http.answers200(config.realmUrl() + "/.well-known/openid-configuration");
    }

    private Path distribution() throws IOException {
        Path unpacked = config.home().resolve("deploy/target/keycloak");
        if (!Files.isDirectory(unpacked)) {
            throw new IllegalStateException("Keycloak is not unpacked in " + unpacked + "; build first (mvn package)");
        }
        try (Stream<Path> dirs = Files.list(unpacked)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")
                    && Files.exists(d.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution in " + unpacked));
        }
    }

    @Override
    public void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
