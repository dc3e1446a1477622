package io.cassmon.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.CollectorRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DiscoveryHandlerTest {
    @Test
    void rendersPrometheusHttpSdJson() {
        assertEquals("[\n"
                + "  {\"targets\": [\"10.0.0.1:7095\"], \"labels\": {\"cluster\": \"prod \\\"eu\\\"\", \"dc\": \"dc1\", \"rack\": \"r1\"}},\n"
                + "  {\"targets\": [\"10.0.0.2:7095\"], \"labels\": {\"cluster\": \"prod \\\"eu\\\"\", \"dc\": \"dc2\", \"rack\": \"r1\"}}\n"
                + "]\n", DiscoveryHandler.json(Arrays.asList(target("10.0.0.1", "dc1"), target("10.0.0.2", "dc2"))));
    }

    @Test
    void answers503UntilTheTopologyIsKnownThen200() throws Exception {
        AtomicReference<List<ScrapeTarget>> known = new AtomicReference<>();
        Map<String, com.sun.net.httpserver.HttpHandler> paths = new LinkedHashMap<>();
        paths.put(MetricsServer.DISCOVERY_PATH, new DiscoveryHandler(known::get));
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, new CollectorRegistry(), paths)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/discovery")).build();
            assertEquals(503, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            known.set(Arrays.asList(target("10.0.0.1", "dc1")));
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        }
    }

    private static ScrapeTarget target(String ip, String dc) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("cluster", "prod \"eu\"");
        labels.put("dc", dc);
        labels.put("rack", "r1");
        return new ScrapeTarget(ip + ":7095", labels);
    }
}
