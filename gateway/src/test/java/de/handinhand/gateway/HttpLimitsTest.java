package de.handinhand.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The HTTP limits common-web sets for every application (idle timeout, request head and line size),
 * here with values small enough to reach in a test: a connection that says nothing is closed, a
 * request head that keeps growing is refused once it passes the limit, whatever pace it arrives at.
 * The connection limit is in {@link ConnectionLimitTest} (it needs an idle timeout that does not
 * close the connections it holds).
 */
@QuarkusTest
@TestProfile(HttpLimitsTest.SmallLimits.class)
class HttpLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.idle-timeout", "1s",
                    "quarkus.http.limits.max-header-size", "2K",
                    "quarkus.http.limits.max-initial-line-length", "256");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aConnectionThatSaysNothingIsClosed() throws IOException {
        try (Socket silent = connect()) {
            assertClosedByServer(silent, Duration.ofSeconds(30));
        }
    }

    @Test
    void aHeadSentSlowlyIsClosedOnceItIsIdleForTheTimeout() throws IOException {
        try (Socket slow = connect()) {
            send(slow, "GET /q/health/ready HTTP/1.1\r\nHost: gateway\r\nX-Slow-1: a\r\n");
            // Never finished: after the idle timeout the server closes it without an answer.
            assertClosedByServer(slow, Duration.ofSeconds(30));
        }
    }

    @Test
    void aRequestHeadLargerThanTheLimitIsRefusedWith431() throws IOException {
        try (Socket socket = connect()) {
            StringBuilder head = new StringBuilder("GET /q/health/ready HTTP/1.1\r\nHost: gateway\r\n");
            for (int i = 0; head.length() < 3 * 1024; i++) {
                head.append("X-Filler-").append(i).append(": ").append("x".repeat(40)).append("\r\n");
            }
            send(socket, head.append("\r\n").toString());
            String answer = readAll(socket);
            assertTrue(answer.startsWith("HTTP/1.1 431"), "an oversized head is refused with 431: " + answer);
        }
    }

    @Test
    void aRequestLineLongerThanTheLimitIsRefusedWith414() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /api/calls?q=" + "a".repeat(400) + " HTTP/1.1\r\nHost: gateway\r\n\r\n");
            String answer = readAll(socket);
            // HTTP/1.0 in the answer: the line was never parsed, so the server cannot know the caller's version.
            assertTrue(answer.matches("(?s)HTTP/1\\.[01] 414 .*"), "an oversized request line is refused with 414: " + answer);
        }
    }

    @Test
    void requestsWithinTheLimitsAreServed() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /q/health/ready HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n"
                    + "X-Filler: " + "x".repeat(1000) + "\r\n\r\n");
            String answer = readAll(socket);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(60_000);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static String readAll(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Waits (with a deadline, never a fixed sleep) until the server has closed the connection. */
    static void assertClosedByServer(Socket socket, Duration within) {
        Awaitility.await("the server closes the connection").atMost(within).until(() -> {
            InputStream in = socket.getInputStream();
            try {
                socket.setSoTimeout(200);
                return in.read() == -1;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true; // reset by the server: closed too
            }
        });
    }
}
