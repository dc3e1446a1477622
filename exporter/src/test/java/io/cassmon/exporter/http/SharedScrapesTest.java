package io.cassmon.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.GaugeMetricFamily;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Concurrent scrapes share one collection; a scrape after a collection finished gets a new one. */
class SharedScrapesTest {
    private static final int SCRAPERS = 20;

    private final AtomicInteger collections = new AtomicInteger();

    @Test
    void concurrentScrapesShareACollection() throws Exception {
        CollectorRegistry registry = new CollectorRegistry();
        registry.register(new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                int collection = collections.incrementAndGet();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Collections.singletonList(new GaugeMetricFamily("slow_collection", "Which collection.", collection));
            }
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .timeout(Duration.ofSeconds(30)).build();
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < SCRAPERS; i++) {
                responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            Set<String> bodies = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                assertEquals(200, response.get().statusCode());
                bodies.add(response.get().body());
            }
            int shared = collections.get();
            assertTrue(shared < SCRAPERS / 2, SCRAPERS + " concurrent scrapes made " + shared + " collections");
            assertEquals(shared, bodies.size(), "each collection's answer went to every scrape that waited for it");

            client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(shared + 1, collections.get(), "a later scrape is not answered from an old collection");
        }
    }
}
