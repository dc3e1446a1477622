package io.cassmon.stack.grafana;

import io.cassmon.stack.RepoRoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.stack.YamlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** grafana/provisioning: the data source the dashboards name, and the provider that loads them. */
class GrafanaProvisioningTest {
    @Test
    void provisionsThePrometheusTheDashboardsName() throws Exception {
        assertEquals(1, GrafanaProvisioning.datasources().size(), GrafanaProvisioning.DATASOURCES);
        Map<String, Object> prometheus = GrafanaProvisioning.prometheus();
        assertEquals("cassmon-prometheus", prometheus.get("uid"));
        assertEquals("http://prometheus:9090", prometheus.get("url"));
        assertEquals("proxy", prometheus.get("access"));
        assertEquals(Boolean.TRUE, prometheus.get("isDefault"));
        String interval = String.valueOf(YamlFiles.map(prometheus.get("jsonData")).get("timeInterval"));
        assertTrue(interval.matches("\\d+[sm]"), "jsonData.timeInterval (the scrape interval): " + interval);
    }

    @Test
    void providesTheDashboardsFolderReadOnly() throws Exception {
        List<Map<String, Object>> providers = GrafanaProvisioning.dashboardProviders();
        assertEquals(1, providers.size(), GrafanaProvisioning.DASHBOARDS);
        Map<String, Object> provider = providers.get(0);
        assertEquals("file", provider.get("type"));
        assertEquals(Boolean.FALSE, provider.get("allowUiUpdates"), "the files are the source of truth");
        String path = String.valueOf(YamlFiles.map(provider.get("options")).get("path"));
        assertTrue(path.startsWith("/"), "options.path: " + path);
    }

    /** $__rate_interval is computed from the data source's timeInterval: it must be Prometheus' scrape interval. */
    @Test
    void timeIntervalIsPrometheusScrapeIntervalForCassandra() throws Exception {
        Map<String, Object> config = YamlFiles.load(RepoRoot.resolve("prometheus/prometheus.yml"));
        Object global = YamlFiles.map(config.get("global")).getOrDefault("scrape_interval", "1m");
        List<Object> intervals = new ArrayList<>();
        for (Object job : YamlFiles.list(config.get("scrape_configs"))) {
            Map<String, Object> scrape = YamlFiles.map(job);
            if (scrape.containsKey("file_sd_configs")) {
                intervals.add(scrape.getOrDefault("scrape_interval", global));
            }
        }
        assertTrue(!intervals.isEmpty(), "prometheus.yml has no file_sd job");
        Object timeInterval = YamlFiles.map(GrafanaProvisioning.prometheus().get("jsonData")).get("timeInterval");
        intervals.forEach(interval -> assertEquals(String.valueOf(interval), String.valueOf(timeInterval),
                GrafanaProvisioning.DATASOURCES + " timeInterval vs the Cassandra jobs' scrape_interval"));
    }
}
