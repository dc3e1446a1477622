package io.cassmon.exporter.registry;

import com.codahale.metrics.Metric;
import io.cassmon.exporter.histogram.ReservoirBuckets;

/** A registered Dropwizard metric with its Prometheus identity, resolved once at registration. */
public final class TrackedMetric {
    private final String dropwizardName;
    private final Metric metric;
    private final MetricKind kind;
    private final MetricId id;
    /** Found on the first scrape, on the scraping thread, never on the thread that registered the metric. */
    private volatile ReservoirBuckets buckets;

    TrackedMetric(String dropwizardName, Metric metric, MetricKind kind, MetricId id) {
        this.dropwizardName = dropwizardName;
        this.metric = metric;
        this.kind = kind;
        this.id = id;
    }

    public String dropwizardName() {
        return dropwizardName;
    }

    public Metric metric() {
        return metric;
    }

    public MetricKind kind() {
        return kind;
    }

    public MetricId id() {
        return id;
    }

    /** The bucket counts of a Cassandra histogram or timer. */
    public ReservoirBuckets buckets() {
        ReservoirBuckets found = buckets;
        if (found == null) {
            found = ReservoirBuckets.of(metric);
            buckets = found;
        }
        return found;
    }
}
