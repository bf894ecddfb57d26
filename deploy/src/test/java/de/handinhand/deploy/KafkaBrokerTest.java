package de.handinhand.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void clusterIdsAreKafkaShapedAndNeverLookLikeAnOption() {
        Set<String> seen = new HashSet<>();
        // One in 64 random ids would start with '-'; 5,000 draws make missing the guard all but impossible.
        for (int i = 0; i < 5_000; i++) {
            String id = KafkaBroker.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            seen.add(id);
        }
        assertEquals(5_000, seen.size());
    }

    @Test
    void theServicesListenerIsAdvertisedWhereTheServicesReachIt() {
        StackConfig config = StackConfig.forTests(Path.of("").toAbsolutePath(), Path.of("target/x"));
        String plain = new KafkaBroker(config).serverProperties(Path.of("/data"));
        assertTrue(plain.contains("listeners=PLAINTEXT://localhost:" + config.kafkaPort() + ",CONTROLLER://"), plain);
        assertFalse(plain.contains("SERVICES"), plain);

        String proxied = new KafkaBroker(config.withServicesKafkaListener(40001, 40002)).serverProperties(Path.of("/data"));
        assertTrue(proxied.contains("listeners=PLAINTEXT://localhost:" + config.kafkaPort()
                + ",SERVICES://localhost:40001,CONTROLLER://"), proxied);
        assertTrue(proxied.contains("advertised.listeners=PLAINTEXT://localhost:" + config.kafkaPort()
                + ",SERVICES://localhost:40002\n"), proxied);
        assertTrue(proxied.contains("listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,"
                + "SERVICES:PLAINTEXT\n"), proxied);
    }
}
