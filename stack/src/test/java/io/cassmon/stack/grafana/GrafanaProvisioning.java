package io.cassmon.stack.grafana;

import io.cassmon.stack.RepoRoot;
import io.cassmon.stack.YamlFiles;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The provisioning files under {@code grafana/provisioning}. */
public final class GrafanaProvisioning {
    public static final String DATASOURCES = "grafana/provisioning/datasources/prometheus.yml";
    public static final String DASHBOARDS = "grafana/provisioning/dashboards/cassmon.yml";

    private GrafanaProvisioning() {
    }

    /** The data sources the datasource file provisions. */
    public static List<Map<String, Object>> datasources() throws IOException {
        return YamlFiles.list(YamlFiles.load(RepoRoot.resolve(DATASOURCES)).get("datasources")).stream()
                .map(YamlFiles::map).toList();
    }

    /** The one Prometheus data source every panel must use. */
    public static Map<String, Object> prometheus() throws IOException {
        List<Map<String, Object>> prometheus = datasources().stream()
                .filter(ds -> "prometheus".equals(ds.get("type"))).toList();
        if (prometheus.size() != 1) {
            throw new IllegalStateException(DATASOURCES + " must provision exactly one Prometheus, not " + prometheus);
        }
        return prometheus.get(0);
    }

    /** The dashboard providers of the dashboards file. */
    public static List<Map<String, Object>> dashboardProviders() throws IOException {
        return YamlFiles.list(YamlFiles.load(RepoRoot.resolve(DASHBOARDS)).get("providers")).stream()
                .map(YamlFiles::map).toList();
    }
}
