package de.handinhand.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static final Map<String, String> ENV = Map.of("HANDINHAND_HOME", Path.of("").toAbsolutePath().toString());

    @Test
    void noPortIsHandedOutTwice() {
        // The operating system hands out free ports at random from ~28,000: among 1,000, repeats are all
        // but certain (about 18 pairs expected), and one in a test stack made two of its parts share a port.
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            int port = StackConfig.freePort();
            assertTrue(seen.add(port), "port " + port + " handed out twice, after " + i + " others");
        }
        StackConfig config = StackConfig.forTests(Path.of("").toAbsolutePath(), Path.of("target/x"));
        Set<Integer> ports = new HashSet<>(java.util.List.of(config.gatewayPort(), config.submissionPort(), config.cataloguePort(),
                config.scoringPort(), config.keycloakPort(), config.kafkaPort(), config.kafkaControllerPort(),
                config.postgresPort(), config.webPort()));
        assertEquals(9, ports.size(), "the stack's parts share a port: " + config);
        assertTrue(ports.stream().noneMatch(seen::contains), ports.toString());
    }

    @Test
    void twoPartsGivenTheSamePortAreNamed() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("WEB_PORT", "8083");
        assertEquals(java.util.List.of("WEB_PORT and SCORING_PORT are both 8083"),
                StackConfig.fromCommandLine(new String[0], env).sharedPorts());
        assertEquals(java.util.List.of(), StackConfig.fromCommandLine(new String[0], ENV).sharedPorts());
    }

    @Test
    void oneInstanceOfEachServiceUnlessAskedForMore() {
        assertEquals(1, StackConfig.fromCommandLine(new String[0], ENV).replicas());
        assertEquals(3, StackConfig.fromCommandLine(new String[] {"--replicas=3"}, ENV).replicas());
        assertEquals(2, StackConfig.fromCommandLine(new String[] {"--reset", "--replicas=2"}, ENV).replicas());
    }

    @Test
    void aReplicaCountThatIsNotOneToFiveIsRefusedWithTheRange() {
        for (String bad : new String[] {"--replicas=0", "--replicas=6", "--replicas=two", "--replicas="}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StackConfig.fromCommandLine(new String[] {bad}, ENV));
            assertTrue(e.getMessage().contains("from 1 to 5"), e.getMessage());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.fromCommandLine(new String[] {"--replica=2"}, ENV));
        assertTrue(unknown.getMessage().contains("--replicas=N"), unknown.getMessage());
    }

    @Test
    void theServicesUseTheBrokersListenerUnlessTheyHaveOneOfTheirOwn() {
        StackConfig config = StackConfig.forTests(Path.of("").toAbsolutePath(), Path.of("target/x"));
        assertEquals(config.kafkaBootstrap(), config.servicesKafkaBootstrap());
        StackConfig proxied = config.withServicesKafkaListener(40001, 40002);
        assertEquals("localhost:40002", proxied.servicesKafkaBootstrap());
        assertEquals(config.kafkaBootstrap(), proxied.kafkaBootstrap());
        // A restart keeps everything but the wipe.
        assertEquals(proxied.withReplicas(2).keepingData(), new StackConfig(proxied.home(), proxied.dataDir(), false,
                proxied.gatewayPort(), proxied.submissionPort(), proxied.cataloguePort(), proxied.scoringPort(),
                proxied.keycloakPort(), proxied.kafkaPort(), proxied.kafkaControllerPort(), proxied.postgresPort(),
                proxied.serviceJavaOpts(), proxied.durable(), proxied.webPort(), 2, 40001, 40002));
    }

    @Test
    void eachServiceHasItsOwnJavaOptionsVariableBesideTheSharedDefault() {
        assertEquals("SUBMISSION_JAVA_OPTS", LocalStack.javaOptsVariable("submission-service"));
        assertEquals("CATALOGUE_JAVA_OPTS", LocalStack.javaOptsVariable("catalogue-service"));
        assertEquals("GATEWAY_JAVA_OPTS", LocalStack.javaOptsVariable("gateway"));
        assertEquals("WEB_JAVA_OPTS", LocalStack.javaOptsVariable("web"));
        // The shared default caps the heap well below the 300 MB each service may take in all.
        StackConfig defaults = StackConfig.fromCommandLine(new String[0], ENV);
        assertTrue(defaults.serviceJavaOpts().contains("-Xmx160m"), defaults.serviceJavaOpts());
        StackConfig own = StackConfig.fromCommandLine(new String[0], Map.of("SERVICE_JAVA_OPTS", "-Xmx1g",
                "HANDINHAND_HOME", Path.of("").toAbsolutePath().toString()));
        assertEquals("-Xmx1g", own.serviceJavaOpts());
    }

    @Test
    void servicesGetTwoMinutesToBecomeReadyUnlessToldOtherwise() {
        assertEquals(java.time.Duration.ofSeconds(120), LocalStack.readyTimeout(null));
        assertEquals(java.time.Duration.ofSeconds(120), LocalStack.readyTimeout(" "));
        assertEquals(java.time.Duration.ofSeconds(600), LocalStack.readyTimeout("600"));
        for (String bad : new String[] {"5", "3601", "ten", "-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalStack.readyTimeout(bad));
            assertTrue(e.getMessage().contains("SERVICE_READY_TIMEOUT") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
