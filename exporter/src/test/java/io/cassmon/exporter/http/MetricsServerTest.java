package io.cassmon.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private MetricsServer server;

    @BeforeEach
    void start() throws IOException {
        CollectorRegistry registry = new CollectorRegistry();
        Counter.build("demo_requests_total", "Requests.").register(registry).inc(7);
        server = MetricsServer.start("127.0.0.1", 0, registry);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesPrometheusTextByDefault() throws Exception {
        HttpResponse<String> response = get("/metrics", "Accept", "*/*");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("demo_requests_total 7.0\n"), response.body());
    }

    @Test
    void servesOpenMetricsWhenAsked() throws Exception {
        HttpResponse<String> response = get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        assertTrue(response.body().endsWith("# EOF\n"), response.body());
    }

    @Test
    void gzipsWhenAsked() throws Exception {
        HttpResponse<byte[]> response = client.send(request("/metrics").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(""));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("demo_requests_total 7.0"));
        }
    }

    @Test
    void rootIsAnIndexPage() throws Exception {
        HttpResponse<String> response = get("/", "Accept", "text/html");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<a href=\"/metrics\">"), response.body());
    }

    @Test
    void healthAnswers() throws Exception {
        HttpResponse<String> response = get("/-/healthy", "Accept", "*/*");
        assertEquals(200, response.statusCode());
        assertEquals("Exporter is Healthy.", response.body());
    }

    @Test
    void unknownPathsAre404() throws Exception {
        HttpResponse<String> response = get("/nope", "Accept", "*/*");
        assertEquals(404, response.statusCode());
        assertEquals("Not found. Metrics are at /metrics.\n", response.body());
    }

    @Test
    void portInUseIsABindError() {
        IOException error = assertThrows(IOException.class,
                () -> MetricsServer.start("127.0.0.1", server.port(), new CollectorRegistry()));
        assertTrue(error instanceof BindException, error.toString());
        assertEquals("Address already in use", error.getMessage());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return client.send(request(path).header(header, value).build(), HttpResponse.BodyHandlers.ofString());
    }
}
