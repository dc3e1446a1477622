package io.cassmon.stack.grafana;

import io.cassmon.stack.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series names a dashboard may select: the families of {@code docs/metrics.md} (generated from the agent's
 * catalog), the agent's JVM and node families that are not in it, the client request latency recording rules (checked
 * against {@code prometheus/rules} by {@link DashboardsTest}), and what Prometheus itself adds.
 */
final class KnownSeries {
    static final String REFERENCE = "docs/metrics.md";

    /** Families the agent exports from outside Cassandra's metric registry: family → type. */
    private static final Map<String, String> AGENT_FAMILIES = Map.ofEntries(
            Map.entry("cassandra_node_info", "gauge"),
            Map.entry("cassandra_peer_up", "gauge"),
            Map.entry("cassandra_disk_total_bytes", "gauge"),
            Map.entry("cassandra_disk_usable_bytes", "gauge"),
            Map.entry("cassandra_table_large_partitions_written_total", "counter"),
            Map.entry("cassandra_table_largest_partition_written_bytes", "gauge"),
            Map.entry("system_cpu_usage", "gauge"),
            Map.entry("system_cpus", "gauge"),
            Map.entry("jvm_gc_pause_seconds", "histogram"),
            Map.entry("jvm_gc_concurrent_cycle_seconds", "histogram"),
            // simpleclient_hotspot's standard families.
            Map.entry("jvm_memory_bytes_used", "gauge"),
            Map.entry("jvm_memory_bytes_max", "gauge"),
            Map.entry("jvm_memory_pool_bytes_used", "gauge"),
            Map.entry("jvm_memory_pool_collection_used_bytes", "gauge"),
            Map.entry("jvm_buffer_pool_used_bytes", "gauge"),
            Map.entry("jvm_threads_current", "gauge"),
            Map.entry("jvm_gc_collection_seconds", "summary"),
            Map.entry("process_cpu_seconds_total", "counter"),
            Map.entry("process_start_time_seconds", "gauge"),
            Map.entry("process_open_fds", "gauge"),
            Map.entry("process_max_fds", "gauge"));

    private static final Pattern RECORD = Pattern.compile("^\\s*-?\\s*record:\\s*(\\S+)", Pattern.MULTILINE);

    /** Added by Prometheus: per target, and for alerting rules. */
    private static final List<String> PROMETHEUS_SERIES =
            List.of("up", "scrape_duration_seconds", "scrape_samples_scraped", "ALERTS");

    private static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z_:][\\w:]*)` \\| ([a-z ]+) \\|", Pattern.MULTILINE);

    private KnownSeries() {
    }

    /** Every series the rules under prometheus/rules record. */
    static List<String> recordingRules() {
        List<String> names = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.list(RepoRoot.resolve("prometheus/rules"))) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                Matcher m = RECORD.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Family name → type ({@code counter}, {@code gauge}, {@code histogram}, {@code gauge histogram}, ...). */
    static Map<String, String> families() {
        Map<String, String> families = new HashMap<>(AGENT_FAMILIES);
        try {
            Matcher m = ROW.matcher(Files.readString(RepoRoot.resolve(REFERENCE)));
            while (m.find()) {
                families.put(m.group(1), m.group(2).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return families;
    }

    /** Every series name the dashboards may select. */
    static Set<String> names() {
        Set<String> names = new TreeSet<>(recordingRules());
        names.addAll(PROMETHEUS_SERIES);
        families().forEach((family, type) -> {
            switch (type) {
                case "histogram" -> names.addAll(List.of(family + "_bucket", family + "_count", family + "_sum"));
                case "gauge histogram" -> names.addAll(List.of(family + "_bucket", family + "_gcount", family + "_gsum"));
                case "summary" -> names.addAll(List.of(family, family + "_count", family + "_sum"));
                default -> names.add(family);
            }
        });
        return names;
    }
}
