package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** alertmanager/: amtool's check, the routing tree and the notification templates. */
class AlertmanagerConfigTest {
    private static final String CONFIG = "alertmanager/alertmanager.yml";

    @Test
    void amtoolAcceptsTheConfigAndItsTemplates() {
        Tools.Result result = Tools.run("amtool", "check-config", CONFIG);
        assertEquals(0, result.exitCode(), result.describe());
        assertTrue(result.output().contains("1 templates"), result.describe());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            severity=critical alertname=CassandraNodeDown cluster=shop dc=eu-west instance=node1.example:7095 | pager
            severity=critical alertname=CassandraClientLatencyHigh cluster=analytics dc=us-east operation=read | pager
            severity=warning alertname=CassandraClientLatencyHigh cluster=shop dc=eu-west operation=read       | chat
            severity=warning alertname=CassandraTopologyMismatch cluster=analytics dc=eu-west                  | chat
            alertname=Watchdog                                                                                 | chat
            severity=critical alertname=CassandraNodeDown cluster=cassmon-demo dc=dc1                          | demo
            severity=warning alertname=CassandraHintsStored cluster=cassmon-demo dc=dc2                        | demo
            """)
    void routesBySeverityAndTheDemoClusterToItsWebhook(String labels, String receiver) {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + CONFIG,
                "--verify.receivers=" + receiver));
        args.addAll(List.of(labels.split(" ")));
        Tools.Result result = Tools.run("amtool", args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals(receiver, result.output().lines().filter(l -> !l.startsWith("Warning:")).findFirst().orElse(""),
                result.describe());
    }

    @Test
    void groupsByAlertClusterAndDc() {
        Map<String, Object> route = Repo.map(Repo.<Map<String, Object>>yaml(Repo.ALERTMANAGER_CONFIG).get("route"));
        assertEquals(List.of("alertname", "cluster", "dc"), route.get("group_by"));
    }

    @Test
    void noSecretIsWrittenInTheConfig() {
        String text = Repo.read(Repo.ALERTMANAGER_CONFIG);
        for (String inline : List.of("routing_key:", "service_key:", "api_url:", "auth_password:", "smtp_auth_password:")) {
            assertFalse(text.contains(inline + " "), "secrets come from *_file options, not " + inline);
        }
        assertTrue(text.contains("routing_key_file: /etc/alertmanager/secrets/"));
        assertTrue(text.contains("api_url_file: /etc/alertmanager/secrets/"));
        assertTrue(text.contains("smtp_auth_password_file: /etc/alertmanager/secrets/"));
    }

    @Test
    void messagesNameClusterDcNodeAndValue(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data.json");
        Map<String, String> labels = Map.of("alertname", "CassandraClientLatencyHigh", "severity", "critical",
                "cluster", "shop", "dc", "eu-west", "instance", "node1.example:7095", "operation", "read");
        Map<String, Object> alert = Map.of("status", "firing", "labels", labels, "annotations", Map.of(
                        "summary", "Client read p99 latency on node1.example:7095 (cluster shop, dc eu-west) is 364.3ms",
                        "runbook_url", PrometheusRulesTest.RUNBOOKS + "cassandraclientlatencyhigh"),
                "startsAt", "2025-01-01T00:00:00Z", "endsAt", "0001-01-01T00:00:00Z");
        new ObjectMapper().writeValue(data.toFile(), Map.of("receiver", "pager", "status", "firing",
                "alerts", List.of(alert), "groupLabels", Map.of("alertname", labels.get("alertname"),
                        "cluster", "shop", "dc", "eu-west"),
                "commonLabels", labels, "commonAnnotations", Map.of(), "externalURL", "http://127.0.0.1:9093"));

        assertEquals("[FIRING:1] CassandraClientLatencyHigh (critical) in cluster shop, dc eu-west",
                render("cassmon.title", data));
        assertEquals("""
                Firing:
                CRITICAL CassandraClientLatencyHigh on node node1.example:7095 (cluster shop, dc eu-west)
                Client read p99 latency on node1.example:7095 (cluster shop, dc eu-west) is 364.3ms
                Runbook: https://github.com/cassmon/cassmon/blob/main/docs/alerts.md#cassandraclientlatencyhigh
                """, render("cassmon.text", data).stripTrailing() + "\n");
    }

    private static String render(String template, Path data) {
        Tools.Result result = Tools.run("amtool", "template", "render", "--template.glob=alertmanager/templates/*.tmpl",
                "--template.text={{ template \"" + template + "\" . }}", "--template.data=" + data);
        assertEquals(0, result.exitCode(), result.describe());
        return result.output().strip();
    }
}
