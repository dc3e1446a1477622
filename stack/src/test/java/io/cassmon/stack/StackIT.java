package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.FreePorts;
import io.cassmon.stack.grafana.DashboardQueries;
import io.cassmon.stack.grafana.PanelQuery;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The whole stack, real parts only: a Cassandra 5.0 node with the shaded agent, Debian's Prometheus with the
 * shipped prometheus.yml and rules, Debian's Alertmanager with the shipped routes, and a webhook receiver. The
 * copies differ from the shipped files only in addresses (targets, Alertmanager, the demo webhook) and in the
 * scrape and evaluation interval (5 s instead of 15 s, to keep the test short).
 */
class StackIT {
    private static final String VERSION = "5.0.9";
    private static final String CLUSTER = "cassmon-demo";
    private static final String DC = "dc1";
    private static final long WAIT_SECONDS = 180;

    /**
     * Panels that show events this test does not cause, each with why. Every other query of every dashboard must
     * return data.
     */
    private static final Map<String, String> EXPECTED_EMPTY = Map.ofEntries(
            Map.entry("cassmon-cluster-overview / Firing alerts / A", "no alert fires while the node is healthy"),
            Map.entry("cassmon-jvm / Concurrent collector cycles p99 / A", "G1 runs no concurrent cycle in a minute"),
            Map.entry("cassmon-node / Hints / B", "a single node delivers no hints"),
            Map.entry("cassmon-node / Hints / C", "a single node delivers no hints"),
            Map.entry("cassmon-node / Hints / D", "a single node delivers no hints"),
            Map.entry("cassmon-node / Streaming / A", "a single node streams nothing"),
            Map.entry("cassmon-node / Streaming / B", "a single node streams nothing"));

    /** Recording rules that need what a single node does not have, each with why. */
    private static final Map<String, String> EXPECTED_UNRECORDED = Map.of(
            "instance:cassandra_peer_up:max", "a single node has no peers to report on it");

    private final List<String> pages = new CopyOnWriteArrayList<>();

    @Test
    void dashboardsShowDataRecordingRulesRecordAndANodeDownPageIsDelivered() throws Exception {
        Path work = Files.createDirectories(Paths.get(System.getProperty("cassmon.it.workdir", "target/it"), "stack"));
        int agentPort = FreePorts.next("127.0.0.1");
        HttpServer webhook = webhook();
        try (CassandraNode node = CassandraNode.builder(VERSION).name("stack-node")
                .jvmArgs("-javaagent:" + System.getProperty("cassmon.agent.jar") + "=127.0.0.1:" + agentPort).build();
             AlertmanagerProcess alertmanager = new AlertmanagerProcess(LocalStack.alertmanagerConfig(work,
                     "http://127.0.0.1:" + webhook.getAddress().getPort() + "/"), work)) {
            node.start();
            String instance = "127.0.0.1:" + agentPort;
            int prometheusPort = FreePorts.next("127.0.0.1");
            // 5 s intervals instead of the shipped 15 s keep the test short.
            Path config = LocalStack.prometheusConfig(work, instance, CLUSTER, DC, alertmanager.port(), prometheusPort, "5s");
            try (PrometheusProcess prometheus = new PrometheusProcess(config, work, prometheusPort)) {
                writeAndRead(node.session(), 40);
                await("recording rules record client latency", () -> hasData(prometheus,
                        "instance_operation:cassandra_client_request_latency_seconds:p99_rate1m{instance=\"" + instance + "\"}"));

                List<String> empty = new ArrayList<>();
                List<PanelQuery> queries = DashboardQueries.all(Map.of("cluster", CLUSTER, "dc", DC,
                        "instance", instance, "keyspace", "stack", "table", "events"));
                for (PanelQuery query : queries) {
                    JsonNode data = prometheus.query(query.expr());  // fails the test if it does not parse
                    if (data.path("result").isEmpty() && !EXPECTED_EMPTY.containsKey(key(query))) {
                        empty.add(key(query) + "  " + query.expr());
                    }
                }
                assertEquals(List.of(), empty, queries.size() + " dashboard queries; these returned no data");
                List<String> unrecorded = new ArrayList<>();
                for (RuleFiles.Rule rule : RuleFiles.recordings()) {
                    if (!hasData(prometheus, rule.record()) && !EXPECTED_UNRECORDED.containsKey(rule.record())) {
                        unrecorded.add(rule.record());
                    }
                }
                assertEquals(List.of(), unrecorded, "recording rules without series");
                assertTrue(hasData(prometheus, "up{job=\"cassandra\",cluster=\"" + CLUSTER + "\",dc=\"" + DC + "\"} == 1"));

                node.stop();
                await("the node-down page reaches the demo receiver", () -> pages.stream().anyMatch(page ->
                        page.contains("\"alertname\":\"CassandraNodeDown\"") && page.contains("\"status\":\"firing\"")
                                && page.contains(instance)));
            }
        } finally {
            webhook.stop(0);
        }
    }

    private static String key(PanelQuery query) {
        return query.dashboardUid() + " / " + query.panelTitle() + " / " + query.refId();
    }

    private void writeAndRead(CqlSession session, int seconds) throws InterruptedException {
        session.execute("CREATE KEYSPACE IF NOT EXISTS stack WITH replication = {'class': 'NetworkTopologyStrategy', '"
                + DC + "': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS stack.events (id int PRIMARY KEY, v text)");
        PreparedStatement write = session.prepare("INSERT INTO stack.events (id, v) VALUES (?, ?)");
        PreparedStatement read = session.prepare("SELECT v FROM stack.events WHERE id = ?");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; System.nanoTime() < end; i++) {
            session.execute(write.bind(i % 1000, "event-" + i));
            session.execute(read.bind(i % 1000));
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static boolean hasData(PrometheusProcess prometheus, String promql) {
        try {
            return !prometheus.query(promql).path("result").isEmpty();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + WAIT_SECONDS + " s");
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private HttpServer webhook() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            pages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
