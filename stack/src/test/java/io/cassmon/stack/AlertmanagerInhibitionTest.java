package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inhibit rules of alertmanager/alertmanager.yml on a real Alertmanager: a critical alert mutes the warning of
 * the same alert and node (never the reverse), a down node mutes its other alerts but not its down alerts nor
 * other nodes' alerts, and muted alerts are not notified. The test's copy of the config differs only in the
 * demo webhook's URL, which points at a receiver in this test.
 */
class AlertmanagerInhibitionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO_WEBHOOK = "http://alert-receiver:8080/";
    private static final Duration WAIT = Duration.ofSeconds(25);

    /** Alerts posted, by key; all in the demo cluster, whose route notifies the demo webhook after 10s. */
    private static final Map<String, Map<String, String>> ALERTS = new LinkedHashMap<>();
    /** Inhibited alert -> the alert that mutes it. Every other posted alert must stay active. */
    private static final Map<String, String> MUTED_BY = new TreeMap<>(Map.of(
            "CassandraClientLatencyHigh/warning/node1/read", "CassandraClientLatencyHigh/critical/node1/read",
            "CassandraHintsStored/warning/node3", "CassandraNodeDown/critical/node3",
            "CassandraPendingCompactions/critical/node3", "CassandraNodeDown/critical/node3"));

    static {
        add("CassandraClientLatencyHigh", "critical", "node1", "read");
        add("CassandraClientLatencyHigh", "warning", "node1", "read");   // muted by its critical
        add("CassandraClientLatencyHigh", "warning", "node1", "write");  // another operation: stays
        add("CassandraClientLatencyHigh", "warning", "node2", "read");   // another node: stays
        add("CassandraNodeDown", "critical", "node3", null);
        add("CassandraNodeDownBeyondHintWindow", "critical", "node3", null); // the node's own down alert: stays
        add("CassandraHintsStored", "warning", "node3", null);           // muted by node3 down
        add("CassandraPendingCompactions", "critical", "node3", null);   // muted by node3 down, critical or not
        add("CassandraHintsStored", "warning", "node2", null);           // another node storing hints: stays
    }

    private static final Set<String> NOTIFIED = new ConcurrentSkipListSet<>();
    private static HttpServer webhook;
    private static AlertmanagerProcess alertmanager;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/", exchange -> {
            for (JsonNode alert : JSON.readTree(exchange.getRequestBody()).path("alerts")) {
                if ("firing".equals(alert.path("status").asText())) {
                    NOTIFIED.add(key(JSON.convertValue(alert.path("labels"), Map.class)));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();

        String config = Repo.read(Repo.ALERTMANAGER_CONFIG);
        assertEquals(1, config.split(DEMO_WEBHOOK, -1).length - 1, "the demo webhook URL appears once");
        Path copy = dir.resolve("alertmanager.yml");
        Files.writeString(copy, config.replace(DEMO_WEBHOOK,
                "http://127.0.0.1:" + webhook.getAddress().getPort() + "/"));
        Files.createDirectories(dir.resolve("templates"));
        for (Path template : Repo.files(Repo.ALERTMANAGER.resolve("templates"), ".tmpl")) {
            Files.copy(template, dir.resolve("templates").resolve(template.getFileName()));
        }
        alertmanager = new AlertmanagerProcess(copy, dir);
        postAlerts();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            if (alertmanager != null) {
                alertmanager.close();
            }
        } finally {
            if (webhook != null) {
                webhook.stop(0);
            }
        }
    }

    @Test
    void criticalMutesItsWarningAndADownNodeMutesOnlyItsOtherAlerts() throws Exception {
        Map<String, JsonNode> byKey = awaitStates();
        Map<String, String> fingerprints = new HashMap<>();
        byKey.forEach((key, alert) -> fingerprints.put(alert.path("fingerprint").asText(), key));
        Map<String, String> mutedBy = new TreeMap<>();
        byKey.forEach((key, alert) -> alert.path("status").path("inhibitedBy")
                .forEach(fp -> mutedBy.put(key, fingerprints.get(fp.asText()))));
        assertEquals(MUTED_BY, mutedBy, alertmanager.log());
        byKey.forEach((key, alert) -> assertEquals(MUTED_BY.containsKey(key) ? "suppressed" : "active",
                alert.path("status").path("state").asText(), key));
    }

    @Test
    void mutedAlertsAreNotNotified() throws InterruptedException {
        Set<String> expected = new TreeSet<>(ALERTS.keySet());
        expected.removeAll(MUTED_BY.keySet());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!NOTIFIED.containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000); // the muted alerts' groups flush together with the others
        assertEquals(expected, new TreeSet<>(NOTIFIED), alertmanager.log());
    }

    /** The API's view once every posted alert is processed: active, or suppressed by an inhibition. */
    private static Map<String, JsonNode> awaitStates() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, JsonNode> byKey = Map.of();
        while (System.nanoTime() < deadline) {
            byKey = new TreeMap<>();
            for (JsonNode alert : JSON.readTree(alertmanager.get("/api/v2/alerts").body())) {
                byKey.put(key(JSON.convertValue(alert.path("labels"), Map.class)), alert);
            }
            Set<String> inhibited = byKey.entrySet().stream()
                    .filter(e -> e.getValue().path("status").path("inhibitedBy").size() > 0)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            if (byKey.keySet().equals(ALERTS.keySet()) && inhibited.equals(MUTED_BY.keySet())) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(ALERTS.keySet(), byKey.keySet(), alertmanager.log());
        return byKey;
    }

    private static void postAlerts() throws IOException, InterruptedException {
        List<Map<String, Object>> body = new ArrayList<>();
        Instant now = Instant.now();
        for (Map<String, String> labels : ALERTS.values()) {
            body.add(Map.of("labels", labels,
                    "annotations", Map.of("summary", labels.get("alertname") + " on " + labels.get("instance")),
                    "startsAt", now.toString(), "endsAt", now.plus(Duration.ofHours(1)).toString()));
        }
        var response = alertmanager.postJson("/api/v2/alerts", JSON.writeValueAsString(body));
        assertEquals(200, response.statusCode(), response.body());
    }

    private static void add(String alertname, String severity, String node, String operation) {
        Map<String, String> labels = new TreeMap<>(Map.of("alertname", alertname, "severity", severity,
                "cluster", "cassmon-demo", "dc", "dc1", "instance", node));
        if (operation != null) {
            labels.put("operation", operation);
        }
        ALERTS.put(key(labels), labels);
    }

    private static String key(Map<?, ?> labels) {
        String key = labels.get("alertname") + "/" + labels.get("severity") + "/" + labels.get("instance");
        return labels.containsKey("operation") ? key + "/" + labels.get("operation") : key;
    }
}
