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
    /**
     * Families the agent computes itself (name, type, labels, meaning); the agent's tests check that its collectors
     * declare exactly these.
     */
    public static final List<String[]> NODE_FAMILIES = java.util.Collections.unmodifiableList(java.util.Arrays.asList(
            new String[] {"jvm_gc_pause_seconds", "histogram", "gc, cause",
                "Stop-the-world GC pauses, from the JVM's GC notifications (buckets resolve Cassandra's 200 ms and 1 s thresholds)."},
            new String[] {"jvm_gc_concurrent_cycle_seconds", "histogram", "gc",
                "Cycles of concurrent collectors (CMS, ZGC, Shenandoah), which do not stop the application."},
            new String[] {"system_cpu_usage", "gauge", "", "Share of the host's CPU time spent busy (0 to 1)."},
            new String[] {"system_cpus", "gauge", "", "Processors available to the JVM."},
            new String[] {"cassandra_disk_total_bytes", "gauge", "role, path",
                "Size of the filesystem holding a directory Cassandra uses (role: data, commitlog, hints, saved_caches)."},
            new String[] {"cassandra_disk_usable_bytes", "gauge", "role, path",
                "Bytes of that filesystem available to Cassandra."},
            new String[] {"cassandra_node_info", "gauge", "cassandra_cluster, cassandra_datacenter, cassandra_rack, host_id,"
                + " release_version", "This node's identity as it sees itself; always 1."},
            new String[] {"cassandra_peer_up", "gauge", "peer, peer_datacenter, peer_rack, host_id",
                "1 when this node's gossip sees the peer up, 0 when down; peers that left the ring are not exported."},
            new String[] {"cassandra_table_large_partitions_written_total", "counter", "keyspace, table",
                "Partitions above metrics.large_partition_threshold_bytes (default 100 MiB) written by flushes and compactions."},
            new String[] {"cassandra_table_largest_partition_written_bytes", "gauge", "keyspace, table",
                "Largest partition above the threshold written since the agent started; 0 when none."}));

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
        out.append("\n## Node health and large partitions\n\n")
                .append("Computed by the agent, not read from Cassandra's registry. The `cassandra_` ones appear once\n")
                .append("Cassandra has finished starting. The JVM and process families of simpleclient_hotspot\n")
                .append("(`jvm_memory_*`, `jvm_memory_pool_*`, `jvm_buffer_pool_*`, `jvm_threads_*`, `jvm_classes_*`,\n")
                .append("`jvm_gc_collection_seconds`, `jvm_info`, `process_*`) are exported too.\n\n")
                .append("| family | type | labels | help |\n")
                .append("|---|---|---|---|\n");
        for (String[] family : NODE_FAMILIES) {
            out.append("| `").append(family[0]).append("` | ").append(family[1]).append(" | ").append(family[2])
                    .append(" | ").append(family[3]).append(" |\n");
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
