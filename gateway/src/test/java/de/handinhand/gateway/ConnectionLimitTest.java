package de.handinhand.gateway;

import static de.handinhand.gateway.HttpLimitsTest.readAll;
import static de.handinhand.gateway.HttpLimitsTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The connection limit: beyond it a new connection is closed as soon as it is accepted, while the
 * connections already open keep being served; once one of them ends, a new one is accepted again.
 */
@QuarkusTest
@TestProfile(ConnectionLimitTest.FewConnections.class)
class ConnectionLimitTest {

    static final int LIMIT = 4;

    public static class FewConnections implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-connections", Integer.toString(LIMIT));
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void connectionsBeyondTheLimitAreClosedAndTheOpenOnesStillServed() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < LIMIT; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.setSoTimeout(30_000);
                // One whole request, kept alive: Vert.x counts a socket as an HTTP connection once it has
                // read a request head (it looks for an h2c upgrade there). A socket still sending its first
                // head is bounded by the idle timeout and the head size instead (HttpLimitsTest).
                send(socket, "GET /q/health/ready HTTP/1.1\r\nHost: gateway\r\n\r\n");
                assertTrue(readOneAnswer(socket).startsWith("HTTP/1.1 200"), "connection " + i + " is served");
                held.add(socket);
            }
            try (Socket refused = new Socket(base.getHost(), base.getPort())) {
                send(refused, "GET /q/health/ready HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
                refused.setSoTimeout(30_000);
                String answer;
                try {
                    answer = readAll(refused);
                } catch (java.net.SocketException reset) {
                    answer = ""; // reset by the server: closed without an answer too
                }
                assertEquals("", answer, "the connection beyond the limit is closed without an answer");
            }
            Socket first = held.remove(0);
            send(first, "GET /q/health/ready HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
            String answer = readAll(first);
            assertTrue(answer.startsWith("HTTP/1.1 200"), "a held connection is still served: " + answer);
            first.close();
            // Its place is free again (the server counts the close asynchronously: retry until accepted).
            org.awaitility.Awaitility.await("a connection is accepted again").atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        try (Socket again = new Socket(base.getHost(), base.getPort())) {
                            again.setSoTimeout(10_000);
                            send(again, "GET /q/health/ready HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
                            return readAll(again).startsWith("HTTP/1.1 200");
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** One answer on a kept-alive connection: its head, then as many bytes as its Content-Length says. */
    private static String readOneAnswer(Socket socket) throws IOException {
        java.io.InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*+(\\d{1,9})\\s*$")
                .matcher(head);
        int remaining = length.find() ? Integer.parseInt(length.group(1)) : 0;
        in.readNBytes(remaining);
        return head.toString();
    }

    @Test
    void theSharedDefaultsOfCommonWebApply() {
        // Not overridden by this profile: the values of common-web's META-INF/microprofile-config.properties.
        assertEquals(Duration.ofSeconds(180),
                ConfigProvider.getConfig().getValue("quarkus.http.idle-timeout", Duration.class));
        assertEquals("20K", ConfigProvider.getConfig().getValue("quarkus.http.limits.max-header-size", String.class));
        assertEquals(4096,
                ConfigProvider.getConfig().getValue("quarkus.http.limits.max-initial-line-length", Integer.class));
        assertEquals(Duration.ofSeconds(60),
                ConfigProvider.getConfig().getValue("quarkus.http.read-timeout", Duration.class));
    }
}
