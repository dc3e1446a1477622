package io.cassmon.exporter.registry;

import com.codahale.metrics.Metric;
import io.cassmon.exporter.exposition.SeriesLines;
import io.cassmon.exporter.histogram.ReservoirBuckets;

/** A registered Dropwizard metric with its Prometheus identity, resolved once at registration. */
public final class TrackedMetric {
    private final String dropwizardName;
    private final Metric metric;
    private final MetricKind kind;
    private final MetricId id;
    /** Found on the first scrape, on the scraping thread, never on the thread that registered the metric. */
    private volatile ReservoirBuckets buckets;
    /** The last value read, for gauges read at most every so often ({@link Rendering#readEveryNanos()}). */
    private volatile LastRead lastRead;
    /** Made with the metric: no lazy creation for concurrent scrapes to race on. */
    private final SeriesLines lines = new SeriesLines();

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

    /** Whether the gauge was last read at or after {@code nanos} (a {@link System#nanoTime()}). */
    public boolean readSince(long nanos) {
        LastRead last = lastRead;
        return last != null && last.nanos - nanos >= 0;
    }

    /** The value last read; only after {@link #readSince} said there is one. */
    public double lastValue() {
        return lastRead.value;
    }

    public void readAt(long nanos, double value) {
        lastRead = new LastRead(nanos, value);
    }

    private static final class LastRead {
        final long nanos;
        final double value;

        LastRead(long nanos, double value) {
            this.nanos = nanos;
            this.value = value;
        }
    }

    /** Where the series' lines are kept between scrapes. */
    public SeriesLines lines() {
        return lines;
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
