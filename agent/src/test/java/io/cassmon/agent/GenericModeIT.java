package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent in a JVM without Cassandra: any Dropwizard registry is exported, and failures stay harmless. */
class GenericModeIT {
    @Test
    void exportsEveryMetricOfAPlainDropwizardRegistry() throws Exception {
        int port = freePort();
        try (ForkedApp app = new ForkedApp("127.0.0.1:" + port)) {
            int registrySize = Integer.parseInt(app.awaitLine("registry size ").replace("registry size ", "").trim());
            String metrics = scrapeWhenFollowing(port);

            assertTrue(metrics.contains("\njobs_queued 3.0\n"), metrics);
            assertTrue(metrics.contains("\nhttp_requests_total 42.0\n"), metrics);
            assertTrue(metrics.contains("\ndb_query_time_seconds{quantile=\"0.5\",} 0.002\n"), metrics);
            assertTrue(metrics.contains("\ndb_query_time_seconds_count 1.0\n"), metrics);
            assertTrue(metrics.contains("\npayload_bytes_count 1.0\n"), metrics);
            assertTrue(metrics.contains("\npool_active 4.0\n"), metrics);
            // Every registry metric is a family, except the string gauge (not a number) and the gauge that throws;
            // the JVM and process families come on top, and none of those read from Cassandra.
            List<String> families = Exposition.families(metrics);
            long registryFamilies = families.stream()
                    .filter(f -> !f.startsWith("cassmon_") && !f.startsWith("jvm_") && !f.startsWith("process_") && !f.startsWith("system_")).count();
            assertEquals(registrySize - 2, registryFamilies, metrics);
            assertFalse(Exposition.samples(metrics, "jvm_memory_bytes_used").isEmpty(), metrics);
            assertFalse(Exposition.samples(metrics, "process_cpu_seconds_total").isEmpty(), metrics);
            assertTrue(families.stream().noneMatch(f -> f.startsWith("cassandra_")), metrics);
            assertTrue(metrics.contains("cassmon_registry_metrics{state=\"exported\",} " + registrySize + ".0"), metrics);
            assertTrue(metrics.contains("cassmon_collection_errors_total 1.0"), metrics);
            app.awaitLine("WARN cassmon: skipped metric cache.broken in this scrape, reading it threw"
                    + " java.lang.IllegalStateException: cache closed");
            assertTrue(app.isAlive());
        }
    }

    @Test
    void invalidConfigLogsOneErrorAndTheApplicationRuns(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("cassmon.yml");
        Files.writeString(config, "http:\n  port: high\n");
        try (ForkedApp app = new ForkedApp("config=" + config)) {
            app.awaitLine("registry size");
            String error = app.awaitLine("ERROR");
            assertEquals("ERROR cassmon agent disabled, the JVM continues without it: " + config
                    + ": http.port: expected an integer from 1 to 65535, got the string \"high\"", error);
            assertTrue(app.isAlive());
        }
    }

    @Test
    void portInUseLogsOneErrorAndTheApplicationRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ForkedApp app = new ForkedApp("127.0.0.1:" + taken.getLocalPort())) {
            app.awaitLine("registry size");
            String error = app.awaitLine("ERROR");
            assertEquals("ERROR cassmon agent disabled, the JVM continues without it: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use"
                    + " (choose another port with -javaagent:cassmon-agent.jar=[host:]port)", error);
            TimeUnit.MILLISECONDS.sleep(500);
            assertTrue(app.isAlive());
            assertFalse(app.output().contains("Exception"), app.output());
        }
    }

    /** Scrapes until the agent has found the registry (it is handed over asynchronously). */
    private static String scrapeWhenFollowing(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String body = "";
        while (System.nanoTime() < deadline) {
            try {
                body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("cassmon_registries 1.0")) {
                    return body;
                }
            } catch (IOException notYetListening) {
                // The agent thread binds shortly after premain.
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the agent did not follow the registry within 30 s; last scrape:\n" + body);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
