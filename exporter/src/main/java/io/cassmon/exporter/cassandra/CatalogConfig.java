package io.cassmon.exporter.cassandra;

import io.cassmon.exporter.histogram.BucketFamily;
import io.cassmon.exporter.histogram.BucketLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What of the catalog a node exports: detail levels, filters and bucket layouts ({@code metrics:} in cassmon.yml). */
public final class CatalogConfig {
    /** Cassandra's own keyspaces: ~40 tables that would cost ~5,000 series per node at default detail. */
    public static final List<String> SYSTEM_KEYSPACES = Collections.unmodifiableList(Arrays.asList(
            "system", "system_schema", "system_auth", "system_distributed", "system_traces", "system_views",
            "system_virtual_schema"));

    /** Cassandra's own default warning threshold (compaction_large_partition_warning_threshold: 100 MiB). */
    public static final long DEFAULT_LARGE_PARTITION_BYTES = 100L * 1024 * 1024;

    private final Detail detail;
    private final List<TableRule> tableRules;
    private final boolean aggregates;
    private final boolean unlisted;
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final Map<BucketFamily, BucketLayout> buckets;
    private final long largePartitionThreshold;
    private final boolean topologyLabels;
    private final boolean reuseUnchangedSeries;

    public CatalogConfig(Detail detail, List<TableRule> tableRules, boolean aggregates, boolean unlisted,
                         List<Pattern> include, List<Pattern> exclude, Map<BucketFamily, BucketLayout> buckets,
                         long largePartitionThreshold, boolean topologyLabels, boolean reuseUnchangedSeries) {
        this.detail = detail;
        List<TableRule> rules = new ArrayList<>(tableRules);
        for (String keyspace : SYSTEM_KEYSPACES) {
            rules.add(new TableRule(keyspace + ".*", Detail.NONE));
        }
        this.tableRules = Collections.unmodifiableList(rules);
        this.aggregates = aggregates;
        this.unlisted = unlisted;
        this.include = include;
        this.exclude = exclude;
        this.buckets = Collections.unmodifiableMap(new EnumMap<>(buckets));
        this.largePartitionThreshold = largePartitionThreshold;
        this.topologyLabels = topologyLabels;
        this.reuseUnchangedSeries = reuseUnchangedSeries;
    }

    public static CatalogConfig defaults() {
        return new CatalogConfig(Detail.DEFAULT, Collections.<TableRule>emptyList(), false, false,
                Collections.<Pattern>emptyList(), Collections.<Pattern>emptyList(), defaultBuckets(),
                DEFAULT_LARGE_PARTITION_BYTES, false, true);
    }

    public static Map<BucketFamily, BucketLayout> defaultBuckets() {
        Map<BucketFamily, BucketLayout> layouts = new EnumMap<>(BucketFamily.class);
        for (BucketFamily family : BucketFamily.values()) {
            layouts.put(family, BucketLayout.of(family.defaultBoundaries()));
        }
        return layouts;
    }

    /** Detail of node-level families (thread pools, client requests, ...). */
    public Detail detail() {
        return detail;
    }

    /** The first matching rule (user rules first, then system keyspaces: none), else the node detail. */
    public Detail tableDetail(String keyspace, String table) {
        for (TableRule rule : tableRules) {
            if (rule.matches(keyspace, table)) {
                return rule.detail();
            }
        }
        return detail;
    }

    /** Keyspace-level aggregates ({@code keyspace.*} in the registry), costly in 4.0+. */
    public boolean aggregates() {
        return aggregates;
    }

    /** Export registry metrics the catalog does not list, under mechanical names. */
    public boolean unlisted() {
        return unlisted;
    }

    /** Whether the include and exclude globs let {@code family} through. */
    public boolean allows(String family) {
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(family).matches())) {
            return false;
        }
        return exclude.stream().noneMatch(p -> p.matcher(family).matches());
    }

    public Map<BucketFamily, BucketLayout> buckets() {
        return buckets;
    }

    /** Attach the node's own cluster, dc and rack to every series (for setups without target files). */
    public boolean topologyLabels() {
        return topologyLabels;
    }

    /**
     * Write a series whose value (a histogram: count and sum) did not change since the last scrape from the text kept
     * then, without reading a histogram's buckets.
     */
    public boolean reuseUnchangedSeries() {
        return reuseUnchangedSeries;
    }

    /** Partitions written above this size are counted per table. */
    public long largePartitionThreshold() {
        return largePartitionThreshold;
    }
}
