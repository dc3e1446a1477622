package io.cassmon.exporter.cassandra;

import io.cassmon.exporter.mapping.SelfMetrics;
import io.cassmon.exporter.registry.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates {@code docs/metrics.md} from the catalog, so the reference cannot drift from the code (a test fails
 * when the committed file differs; {@code -Dcassmon.docs.write=true} rewrites it).
 */
public final class MetricsReference {
    private MetricsReference() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Metric reference\n\n")
                .append("Generated from `CassandraCatalog` by `MetricsReference`; do not edit by hand.\n\n")
                .append("Every family below comes from Cassandra's own metric registry. **detail** says when it is\n")
                .append("exported: `default`, or only at `full` (see `metrics.detail` and `metrics.tables` in the\n")
                .append("README). **versions** says which Cassandra versions have it (empty: all of 3.11 to 5.0).\n")
                .append("Histograms are true cumulative histograms built from Cassandra's non-decaying bucket\n")
                .append("counts at a subset of Cassandra's own boundaries; `_sum` is exact where Cassandra keeps a\n")
                .append("total (latencies of tables and client requests) and absent otherwise. Gauge histograms\n")
                .append("describe current data (live SSTables) and have `_gcount` instead of `_count`.\n")
                .append("Per-table families also exist for secondary-index tables as `cassandra_index_table_*`\n")
                .append("(labels keyspace, table, index) and, with `metrics.aggregates: true`, per keyspace as\n")
                .append("`cassandra_keyspace_*` (label keyspace). Client request families also exist per\n")
                .append("consistency level as `cassandra_client_request_consistency_*` (labels operation,\n")
                .append("consistency) at detail `full`.\n\n")
                .append("| family | type | unit | labels | detail | versions | help |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (CatalogEntry entry : families().values()) {
            out.append("| `").append(entry.family()).append(entry.shape() == Shape.COUNTER ? "_total" : "")
                    .append("` | ").append(type(entry.shape()))
                    .append(" | ").append(entry.unit())
                    .append(" | ").append(String.join(", ", entry.layout().labelNames()))
                    .append(" | ").append(entry.detail().configName())
                    .append(" | ").append(entry.versions())
                    .append(" | ").append(entry.help()).append(" |\n");
        }
        out.append("\n## cassmon's own health\n\n")
                .append("Exported on every scrape, whatever the configuration.\n\n")
                .append("| family | type | labels | help |\n")
                .append("|---|---|---|---|\n");
        for (String[] family : SelfMetrics.FAMILIES) {
            out.append("| `").append(family[0]).append("` | ").append(family[1]).append(" | ").append(family[2])
                    .append(" | ").append(family[3]).append(" |\n");
        }
        return out.toString();
    }

    /** One row per family, in catalog order (a family listed under two registry names appears once). */
    static Map<String, CatalogEntry> families() {
        Map<String, CatalogEntry> families = new LinkedHashMap<>();
        for (CatalogEntry entry : CassandraCatalog.ENTRIES) {
            if (entry.family() != null) {
                families.putIfAbsent(entry.family(), entry);
            }
        }
        return families;
    }

    /** Every family name a default or full export can contain, for tests and tools. */
    public static List<String> familyNames() {
        return new ArrayList<>(families().keySet());
    }

    private static String type(Shape shape) {
        return shape == Shape.GAUGE_HISTOGRAM ? "gauge histogram" : shape.name().toLowerCase(Locale.ROOT);
    }
}
