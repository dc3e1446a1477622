package io.cassmon.exporter.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.Summary;
import io.prometheus.client.exporter.HTTPServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cassmon's buffered /metrics answers exactly what simpleclient_httpserver's handler answers, byte for byte. */
class MetricsHandlerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private HTTPServer simpleclient;
    private MetricsServer cassmon;

    @BeforeEach
    void start() throws IOException {
        CollectorRegistry registry = new CollectorRegistry();
        Counter requests = Counter.build("demo_requests_total", "Requests, with \"quotes\" and \\ in help.")
                .labelNames("path", "method").register(registry);
        requests.labels("/a\"b\\c\nd", "GET").inc(7);
        requests.labels("/café/ü/日本", "POST").inc(1e17);
        for (int i = 0; i < 3000; i++) {
            requests.labels("/path/" + i + "/" + "x".repeat(i % 50), "PUT").inc(i * 0.1);
        }
        Gauge.build("demo_temperature_celsius", "A gauge.").register(registry).set(-12.75);
        Histogram latency = Histogram.build("demo_latency_seconds", "A histogram.").labelNames("op").register(registry);
        latency.labels("read").observe(0.02);
        latency.labels("write").observe(3);
        Summary.build("demo_size_bytes", "A summary.").quantile(0.5, 0.05).quantile(0.99, 0.001)
                .register(registry).observe(1234);
        simpleclient = new HTTPServer(new InetSocketAddress("127.0.0.1", 0), registry, true);
        cassmon = MetricsServer.start("127.0.0.1", 0, registry);
    }

    @AfterEach
    void stop() {
        simpleclient.close();
        cassmon.close();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /metrics, '', ''",
        "GET, /metrics, */*, ''",
        "GET, /metrics, application/openmetrics-text; version=1.0.0; charset=utf-8, ''",
        "GET, /metrics?name[]=demo_temperature_celsius&name%5B%5D=demo_latency_seconds_bucket, '', ''",
        "GET, /metrics?name[]=nothing_of_that_name, '', ''",
        "GET, /metrics, '', gzip",
        "GET, /metrics, application/openmetrics-text; version=1.0.0, 'deflate, gzip'",
        "HEAD, /metrics, '', ''",
    })
    void answersLikeSimpleclient(String method, String path, String accept, String encoding) throws Exception {
        HttpResponse<byte[]> expected = get(simpleclient.getPort(), method, path, accept, encoding);
        HttpResponse<byte[]> actual = get(cassmon.port(), method, path, accept, encoding);
        assertEquals(expected.statusCode(), actual.statusCode());
        for (String header : new String[] {"Content-Type", "Content-Encoding", "Content-Length"}) {
            assertEquals(expected.headers().firstValue(header), actual.headers().firstValue(header), header);
        }
        byte[] want = body(expected);
        byte[] got = body(actual);
        assertArrayEquals(want, got, new String(got, java.nio.charset.StandardCharsets.UTF_8));
        if (!method.equals("HEAD") && !path.contains("nothing")) {
            assertTrue(got.length > 100_000 || path.contains("name"), "a sizeable body: " + got.length);
        }
    }

    private HttpResponse<byte[]> get(int port, String method, String path, String accept, String encoding)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        if (!encoding.isEmpty()) {
            request.header("Accept-Encoding", encoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] body(HttpResponse<byte[]> response) throws IOException {
        if (!"gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
            return response.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        }
    }
}
