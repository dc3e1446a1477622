package io.cassmon.agent.partitions;

import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Exports the large-partition counts for every exported table (0 until one is written, so {@code increase()}
 * sees the first), and forgets tables that no longer exist.
 */
public final class LargePartitionCollector extends Collector implements Collector.Describable {
    static final String COUNT = "cassandra_table_large_partitions_written";
    static final String LARGEST = "cassandra_table_largest_partition_written_bytes";
    private static final List<String> LABELS = Arrays.asList("keyspace", "table");

    private final Supplier<Collection<List<String>>> tables;

    /** {@code tables}: [keyspace, table] of every table whose metrics are exported. */
    public LargePartitionCollector(Supplier<Collection<List<String>>> tables) {
        this.tables = tables;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        Set<List<String>> exported = new HashSet<>(tables.get());
        for (List<String> table : new ArrayList<>(LargePartitions.tables().keySet())) {
            if (!exported.contains(table)) {
                LargePartitions.forget(table);
            }
        }
        if (exported.isEmpty()) {
            return Collections.emptyList();
        }
        long threshold = LargePartitions.threshold();
        List<MetricFamilySamples.Sample> counts = new ArrayList<>();
        List<MetricFamilySamples.Sample> largest = new ArrayList<>();
        for (List<String> table : exported) {
            LargePartitions.Written written = LargePartitions.tables().get(table);
            counts.add(new MetricFamilySamples.Sample(COUNT + "_total", LABELS, table, written == null ? 0 : written.count()));
            largest.add(new MetricFamilySamples.Sample(LARGEST, LABELS, table, written == null ? 0 : written.largest()));
        }
        return Arrays.asList(
                new MetricFamilySamples(COUNT, Type.COUNTER, "Partitions larger than " + threshold
                        + " bytes written by flushes and compactions (agent counter; Cassandra has no such metric).",
                        counts),
                new MetricFamilySamples(LARGEST, Type.GAUGE, "Largest partition above " + threshold
                        + " bytes written since the agent started; 0 when none.", largest));
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return Arrays.asList(new MetricFamilySamples(COUNT, Type.COUNTER, "", Collections.<MetricFamilySamples.Sample>emptyList()),
                new MetricFamilySamples(LARGEST, Type.GAUGE, "", Collections.<MetricFamilySamples.Sample>emptyList()));
    }
}
