package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** prometheus/rules: promtool's checks and unit tests, and the conventions every rule follows. */
class PrometheusRulesTest {
    static final String RUNBOOKS = "https://github.com/cassmon/cassmon/blob/main/docs/alerts.md#";
    /** Alerts whose value is a state (up, down, mismatch), not a quantity: their summary states it instead. */
    private static final Set<String> STATE_ALERTS = Set.of("CassandraNodeDown/critical",
            "CassandraNodeDownBeyondHintWindow/critical", "CassmonScrapeUnhealthy/critical",
            "CassandraTopologyMismatch/warning");
    private static final Pattern THRESHOLD = Pattern.compile("threshold:(\\w+)(?:\\{severity=\"(\\w+)\"})?");
    private static final Pattern LEVEL_METRIC_OPERATIONS = Pattern.compile("[a-z_]+:[a-z0-9_]+:[a-z0-9_]+");

    @Test
    void promtoolAcceptsEveryRuleFile() {
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        RuleFiles.files().forEach(f -> args.add(Repo.ROOT.relativize(f).toString()));
        Tools.Result result = Tools.run("promtool", args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.describe());
    }

    @Test
    void promtoolUnitTestsPass() {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        Repo.files(Repo.RULE_TESTS, ".test.yml").forEach(f -> args.add(Repo.ROOT.relativize(f).toString()));
        assertTrue(args.size() > 2, "unit test files under prometheus/tests");
        Tools.Result result = Tools.run("promtool", args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.describe());
        assertFalse(result.output().contains("FAILED"), result.describe());
    }

    @Test
    void everyAlertHasSeveritySummaryWithPlaceAndValueAndItsRunbook() {
        String doc = Repo.read(Repo.ALERTS_DOC);
        for (RuleFiles.Rule alert : RuleFiles.alerts()) {
            assertTrue(Set.of("warning", "critical").contains(alert.severity()), alert.id() + ": severity");
            assertEquals(Set.of("summary", "runbook_url"), alert.annotations().keySet(), alert.id());
            String summary = (String) alert.annotations().get("summary");
            for (String label : List.of("$labels.cluster", "$labels.dc", "$labels.instance")) {
                assertTrue(summary.contains(label), alert.id() + ": summary names " + label + ": " + summary);
            }
            assertTrue(STATE_ALERTS.contains(alert.id()) || summary.matches("(?s).*\\$value \\| humanize\\w*.*"),
                    alert.id() + ": summary shows the value, humanized: " + summary);
            assertEquals(RUNBOOKS + alert.alert().toLowerCase(), alert.annotations().get("runbook_url"), alert.id());
            assertTrue(doc.contains("\n## " + alert.alert() + "\n"), alert.id() + ": a section in docs/alerts.md");
        }
    }

    @Test
    void everyRunbookSectionBelongsToAnAlert() {
        Set<String> alerts = RuleFiles.alerts().stream().map(RuleFiles.Rule::alert).collect(Collectors.toSet());
        Matcher heading = Pattern.compile("\n## (\\S+)\n").matcher(Repo.read(Repo.ALERTS_DOC));
        Set<String> sections = new TreeSet<>();
        while (heading.find()) {
            sections.add(heading.group(1));
        }
        sections.remove("Notifications");
        assertEquals(new TreeSet<>(alerts), sections);
    }

    /** A threshold an alert uses must exist exactly once: scalar() of none or of two series is NaN, a silent alert. */
    @Test
    void everyThresholdIsDefinedOnceInThresholdsYmlAndUsed() {
        Map<String, Integer> defined = new HashMap<>();
        for (RuleFiles.Rule rule : RuleFiles.recordings()) {
            boolean isThreshold = rule.record().startsWith("threshold:");
            assertEquals(isThreshold, rule.file().equals(RuleFiles.THRESHOLDS), rule.record() + " in " + rule.file());
            if (isThreshold) {
                assertTrue(rule.expr().matches("vector\\([0-9.e]+\\)"), rule.record() + " is a constant: " + rule.expr());
                defined.merge(key(rule.record().substring("threshold:".length()), rule.severity()), 1, Integer::sum);
            }
        }
        defined.forEach((key, count) -> assertEquals(1, count, key + " defined once"));
        Set<String> used = new TreeSet<>();
        for (RuleFiles.Rule alert : RuleFiles.alerts()) {
            Matcher m = THRESHOLD.matcher(alert.expr());
            while (m.find()) {
                String key = key(m.group(1), m.group(2));
                assertTrue(defined.containsKey(key), alert.id() + " uses " + key + ", not in thresholds.yml");
                used.add(key);
                if (m.group(2) != null) {
                    assertEquals(alert.severity(), m.group(2), alert.id() + " compares with its own severity's threshold");
                }
            }
        }
        assertEquals(new TreeSet<>(defined.keySet()), used, "every threshold is used by an alert");
    }

    @Test
    void recordingRulesAreNamedLevelMetricOperations() {
        for (RuleFiles.Rule rule : RuleFiles.recordings()) {
            if (!rule.file().equals(RuleFiles.THRESHOLDS)) {
                assertTrue(LEVEL_METRIC_OPERATIONS.matcher(rule.record()).matches(), rule.record());
            }
        }
    }

    @Test
    void latencyPercentilesExistAtEveryLevel() {
        Set<String> records = RuleFiles.recordings().stream().map(RuleFiles.Rule::record).collect(Collectors.toSet());
        for (String level : List.of("instance", "dc", "cluster")) {
            for (String q : List.of("p50", "p95", "p99")) {
                for (String name : List.of(level + "_operation:cassandra_client_request_latency_seconds:",
                        level + ":cassandra_table_read_latency_seconds:", level + ":cassandra_table_write_latency_seconds:")) {
                    assertTrue(records.contains(name + q + "_rate1m"), name + q + "_rate1m");
                }
            }
        }
    }

    private static String key(String name, String severity) {
        return severity == null ? name : name + "{severity=" + severity + "}";
    }
}
