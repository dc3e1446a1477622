package io.cassmon.stack.grafana;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every query of every provisioned dashboard panel, with the dashboard variables replaced by given values, for tests
 * that evaluate them against a real Prometheus.
 */
public final class DashboardQueries {
    private DashboardQueries() {
    }

    /**
     * One entry per panel query, dashboards by file name and panels in order. {@code values} holds {@code cluster},
     * {@code dc}, {@code instance}, {@code keyspace} and {@code table} (each as one value, e.g. {@code cassandra-1:7095});
     * it may also set Grafana's time variables ({@code __rate_interval}, {@code __range}, ...) to suit the scrape
     * interval, else {@link Interpolation#TIME_DEFAULTS} apply.
     */
    public static List<PanelQuery> all(Map<String, String> values) {
        List<PanelQuery> queries = new ArrayList<>();
        for (Dashboard dashboard : Dashboard.all()) {
            Set<String> regexVariables = dashboard.variables().stream().filter(Variable::regex).map(Variable::name)
                    .collect(Collectors.toSet());
            for (Panel panel : dashboard.panels()) {
                for (Panel.Query query : panel.queries()) {
                    queries.add(new PanelQuery(dashboard.uid(), panel.title(), panel.type(), query.refId(),
                            Interpolation.interpolate(query.expr(), values, regexVariables), query.instant()));
                }
            }
        }
        return queries;
    }
}
