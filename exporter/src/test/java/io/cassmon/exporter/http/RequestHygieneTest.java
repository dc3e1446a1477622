package io.cassmon.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.client.CollectorRegistry;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only GET and HEAD, only the exact paths, bounded headers. */
class RequestHygieneTest {
    private MetricsServer server;

    @BeforeEach
    void start() throws Exception {
        server = MetricsServer.start("127.0.0.1", 0, new CollectorRegistry(), Collections.singletonMap(
                MetricsServer.DISCOVERY_PATH, new DiscoveryHandler(() -> List.of())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"})
    void methodsOtherThanGetAndHeadAre405(String method) throws Exception {
        for (String path : new String[] {"/metrics", "/", "/-/healthy", "/discovery", "/nope"}) {
            String answer = request(method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                    + "Connection: close\r\n\r\nbody");
            assertEquals("HTTP/1.1 405 Method Not Allowed", RawHttp.statusLine(answer), method + " " + path);
            assertTrue(answer.contains("\r\nAllow: GET, HEAD\r\n"), answer);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metrics", "/", "/-/healthy", "/discovery"})
    void headAnswersWithoutABody(String path) throws Exception {
        String answer = request("HEAD " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(answer), path);
        assertTrue(answer.endsWith("\r\n\r\n"), "HEAD must not send a body: " + answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metricsfoo", "/metrics/", "/metrics/x", "/-/healthy/x", "/discoveryx", "/nope",
            "/metrics%2F"})
    void pathsThatOnlyStartLikeAnEndpointAre404(String path) throws Exception {
        String answer = request("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(answer), path);
        assertTrue(answer.endsWith("Not found. Metrics are at /metrics.\n"), answer);
    }

    @Test
    void headersOver8KiBAre431() throws Exception {
        String answer = request("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Filler: " + "a".repeat(9000)
                + "\r\nConnection: close\r\n\r\n");
        // The JDK knows no reason phrase for 431 (RFC 6585); the body says it.
        assertEquals("HTTP/1.1 431 ", RawHttp.statusLine(answer));
        assertTrue(answer.endsWith("Request header fields too large: at most 8192 bytes.\n"), answer);
    }

    @Test
    void manySmallHeadersAdding8KiBAre431() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            headers.append("X-H").append(i).append(": ").append("b".repeat(120)).append("\r\n");
        }
        String answer = request("GET /metrics HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n");
        // The JDK knows no reason phrase for 431 (RFC 6585); the body says it.
        assertEquals("HTTP/1.1 431 ", RawHttp.statusLine(answer));
        assertTrue(answer.endsWith("Request header fields too large: at most 8192 bytes.\n"), answer);
    }

    @Test
    void headersBeyondTheJdkLimitCloseTheConnectionAndTheServerGoesOn() throws Exception {
        String answer = request("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Filler: " + "a".repeat(1 << 20)
                + "\r\nConnection: close\r\n\r\n");
        assertEquals("", answer, "the JDK closes the connection beyond sun.net.httpserver.maxReqHeaderSize");
        assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(request("GET /metrics HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n")));
    }

    @Test
    void garbageIsAnsweredWith400OrClosed() throws Exception {
        String answer = request("\u0016\u0003\u0001\u0000\u00a5garbage\r\n\r\n");
        String status = RawHttp.statusLine(answer);
        assertTrue(status.isEmpty() || status.startsWith("HTTP/1.1 400"), status);
        assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(request("GET /-/healthy HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n")));
    }

    private String request(String text) throws Exception {
        return RawHttp.exchange(server.port(), text);
    }
}
