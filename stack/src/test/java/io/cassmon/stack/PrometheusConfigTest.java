package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** prometheus/prometheus.yml and its target files, checked by promtool and read as data. */
class PrometheusConfigTest {
    private static final Map<String, Object> CONFIG = Repo.yaml(Repo.PROMETHEUS.resolve("prometheus.yml"));

    @Test
    void promtoolAcceptsTheConfigWithItsRuleAndTargetFiles() {
        Tools.Result result = Tools.run("promtool", "check", "config", "prometheus/prometheus.yml");
        assertEquals(0, result.exitCode(), result.describe());
        // promtool checks every rule file the config names: all of them must be there.
        for (var file : RuleFiles.files()) {
            assertTrue(result.output().contains(file.getFileName().toString()), file + "\n" + result.describe());
        }
    }

    @Test
    void cassandraJobScrapesFileTargetsEvery15sWithA10sTimeout() {
        Map<String, Object> job = job("cassandra");
        assertEquals("15s", job.get("scrape_interval"));
        assertEquals("10s", job.get("scrape_timeout"));
        Map<String, Object> fileSd = Repo.map(Repo.list(job.get("file_sd_configs")).get(0));
        assertEquals(List.of("targets/*.yml"), fileSd.get("files"));
        assertEquals(List.of("rules/*.yml"), CONFIG.get("rule_files"));
    }

    @Test
    void alertsGoToTheAlertmanagersOfAReplaceableFile() {
        Map<String, Object> alertmanagers = Repo.map(Repo.list(Repo.map(CONFIG.get("alerting")).get("alertmanagers")).get(0));
        Map<String, Object> fileSd = Repo.map(Repo.list(alertmanagers.get("file_sd_configs")).get(0));
        assertEquals(List.of("alertmanagers/*.yml"), fileSd.get("files"));
        List<Object> groups = Repo.yaml(Repo.PROMETHEUS.resolve("alertmanagers/alertmanagers.yml"));
        assertEquals(List.of("alertmanager:9093"), Repo.map(groups.get(0)).get("targets"));
    }

    @Test
    void exampleTargetsCoverTwoClustersAndTwoDatacentresOnTheAgentPort() {
        List<Object> groups = Repo.yaml(Repo.PROMETHEUS.resolve("targets/example.yml"));
        Set<String> clusters = new HashSet<>();
        Set<String> dcs = new HashSet<>();
        for (Object o : groups) {
            Map<String, Object> group = Repo.map(o);
            Map<String, Object> labels = Repo.map(group.get("labels"));
            assertTrue(labels.keySet().containsAll(Set.of("cluster", "dc")), "every target group sets cluster and dc: " + group);
            assertTrue(Set.of("cluster", "dc", "rack").containsAll(labels.keySet()), "only cluster, dc, rack: " + group);
            clusters.add((String) labels.get("cluster"));
            dcs.add(labels.get("cluster") + "/" + labels.get("dc"));
            for (Object target : Repo.list(group.get("targets"))) {
                assertTrue(((String) target).endsWith(":7095"), "the agent's port is 7095: " + target);
            }
        }
        assertEquals(2, clusters.size(), clusters.toString());
        assertEquals(4, dcs.size(), "two dcs in each cluster: " + dcs);
    }

    @Test
    void discoveryEndpointIsOfferedAsACommentedOptionalAlternative() {
        String text = Repo.read(Repo.PROMETHEUS.resolve("prometheus.yml"));
        assertTrue(text.contains("#   - url: http://node1.example:7095/discovery"), "commented http_sd_configs");
        assertTrue(text.contains("Optional alternative"));
        assertFalse(job("cassandra").containsKey("http_sd_configs"), "http_sd_configs stays commented out");
    }

    private static Map<String, Object> job(String name) {
        return Repo.list(CONFIG.get("scrape_configs")).stream().map(Repo::map)
                .filter(j -> name.equals(j.get("job_name"))).findFirst().orElseThrow();
    }
}
