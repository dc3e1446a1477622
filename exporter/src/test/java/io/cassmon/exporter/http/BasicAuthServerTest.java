package io.cassmon.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.cassmon.exporter.config.ConfigLoader;
import io.prometheus.client.CollectorRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every path asks for basic auth credentials; right ones pass, anything else is 401 with a challenge. */
class BasicAuthServerTest {
    private static final String HASH = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(5, "s3cret".toCharArray());
    private MetricsServer server;

    @BeforeEach
    void start() throws Exception {
        server = MetricsServer.start("127.0.0.1", 0, new CollectorRegistry(), Collections.emptyMap(),
                ConfigLoader.parse("cassmon.yml", "http: {basic_auth: {users: {prometheus: \"" + HASH + "\"}}}")
                        .security());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rightCredentialsPass() throws Exception {
        assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(get("/metrics", basic("prometheus:s3cret"))));
        assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(get("/nope", basic("prometheus:s3cret"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic ", "Basic !!!", "Bearer abc", "Basic cHJvbWV0aGV1cw==" /* no colon */})
    void malformedCredentialsAre401(String authorization) throws Exception {
        assertChallenged(get("/metrics", authorization.isEmpty() ? "" : "Authorization: " + authorization + "\r\n"));
    }

    @Test
    void wrongPasswordUnknownUserAndNoCredentialsAre401OnEveryPath() throws Exception {
        for (String path : new String[] {"/metrics", "/", "/-/healthy", "/nope"}) {
            assertChallenged(get(path, ""));
            assertChallenged(get(path, basic("prometheus:wrong")));
            assertChallenged(get(path, basic("grafana:s3cret")));
        }
    }

    private static void assertChallenged(String answer) {
        assertEquals("HTTP/1.1 401 Unauthorized", RawHttp.statusLine(answer));
        assertTrue(answer.contains("\r\nWww-authenticate: Basic realm=\"cassmon\", charset=\"UTF-8\"\r\n"), answer);
        assertTrue(answer.endsWith("Unauthorized.\n"), answer);
    }

    private String get(String path, String headers) throws Exception {
        return RawHttp.exchange(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + headers
                + "Connection: close\r\n\r\n");
    }

    private static String basic(String credentials) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
                + "\r\n";
    }
}
