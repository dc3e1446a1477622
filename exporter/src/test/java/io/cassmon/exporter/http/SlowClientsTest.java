package io.cassmon.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clients that send a request byte by byte hold connection threads, never the threads scrapes need. */
class SlowClientsTest {
    private MetricsServer server;

    @BeforeEach
    void start() throws Exception {
        CollectorRegistry registry = new CollectorRegistry();
        Counter.build("demo_requests_total", "Requests.").register(registry).inc(7);
        server = MetricsServer.start("127.0.0.1", 0, registry);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void scrapesSucceedWhileTwentySlowlorisConnectionsAreOpen() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int i = 0; i < 20; i++) {
                long begin = System.nanoTime();
                for (Socket socket : slow) {
                    OutputStream out = socket.getOutputStream();
                    out.write('X');
                    out.flush();
                }
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/metrics")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertTrue(System.nanoTime() - begin < Duration.ofSeconds(1).toNanos(), "scrape " + i + " was slow");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void limitsTheOperatorSetAreKept() {
        Properties properties = new Properties();
        properties.setProperty(JdkServerLimits.MAX_REQUEST_TIME, "3");
        JdkServerLimits.apply(properties);
        assertEquals("3", properties.getProperty(JdkServerLimits.MAX_REQUEST_TIME));
        assertEquals("60", properties.getProperty(JdkServerLimits.MAX_RESPONSE_TIME));
        assertEquals("16384", properties.getProperty(JdkServerLimits.MAX_HEADER_BYTES));
    }
}
