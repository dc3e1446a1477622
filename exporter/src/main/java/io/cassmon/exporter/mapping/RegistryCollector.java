package io.cassmon.exporter.mapping;

import io.cassmon.exporter.exposition.DirectCollector;
import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.exposition.SampleSource;
import io.cassmon.exporter.histogram.BucketFamily;
import io.cassmon.exporter.histogram.BucketLayout;
import io.cassmon.exporter.registry.Family;
import io.cassmon.exporter.registry.RegistryIndex;
import io.prometheus.client.Collector;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Prometheus view of the followed Dropwizard registries plus cassmon's own health. Reads metrics at
 * scrape time only; nothing runs between scrapes. {@code /metrics} has it write text directly
 * ({@link SampleSource}); {@link #collect()} gives the same samples to simpleclient.
 */
public final class RegistryCollector extends DirectCollector implements Collector.Describable {
    private final Supplier<? extends Collection<RegistryIndex>> registries;
    private final ScrapeErrors errors;
    private final Map<BucketFamily, BucketLayout> buckets;
    private final SelfMetrics self = new SelfMetrics();
    /** Whose series' lines are kept between scrapes ({@link FamilyRenderer}), or null when they are not. */
    private final Object linesOwner;

    /**
     * {@code registries} is asked on every scrape, so registries found later are exported too; {@code buckets}
     * says which of Cassandra's bucket boundaries each kind of histogram exports.
     */
    public RegistryCollector(Supplier<? extends Collection<RegistryIndex>> registries,
                             Map<BucketFamily, BucketLayout> buckets) {
        this(registries, buckets, new ScrapeErrors(), true);
    }

    /**
     * {@code errors} may be shared with other collectors: {@code cassmon_collection_errors_total} counts them all.
     * {@code reuseUnchangedSeries}: keep each series' text and write it again while its value (a histogram: count and
     * sum, without reading its buckets) does not change; heap about the size of the exposition.
     */
    public RegistryCollector(Supplier<? extends Collection<RegistryIndex>> registries,
                             Map<BucketFamily, BucketLayout> buckets, ScrapeErrors errors,
                             boolean reuseUnchangedSeries) {
        this.registries = registries;
        this.errors = errors;
        this.buckets = buckets;
        this.linesOwner = reuseUnchangedSeries ? new Object() : null;
    }

    @Override
    public void writeTo(SampleSink sink) {
        long start = System.nanoTime();
        FamilyRenderer renderer = new FamilyRenderer(errors, buckets, linesOwner);
        Set<String> names = new HashSet<>();
        ScrapeStats stats = new ScrapeStats();
        int exported = 0;
        int filtered = 0;
        int conflicting = 0;
        Collection<RegistryIndex> indices = registries.get();
        for (RegistryIndex index : indices) {
            exported += index.exportedMetrics();
            filtered += index.filteredMetrics();
            conflicting += index.conflictingMetrics();
            for (Family family : index.families()) {
                if (!names.add(family.name())) {
                    errors.failed(family.name(), new IllegalStateException(
                            "two Dropwizard registries export a family of this name; the first one wins"));
                    continue;
                }
                renderer.render(family, stats, index::lookup, sink);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (MetricFamilySamples family : self.render(seconds, stats, errors.total(), indices.size(), exported,
                filtered, conflicting)) {
            sink.family(family);
        }
    }

    /** Families change as tables come and go, so none are declared up front. */
    @Override
    public List<MetricFamilySamples> describe() {
        return Collections.emptyList();
    }
}
