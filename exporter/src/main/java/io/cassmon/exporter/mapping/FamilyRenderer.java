package io.cassmon.exporter.mapping;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.Sampling;
import com.codahale.metrics.Snapshot;
import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.histogram.BucketFamily;
import io.cassmon.exporter.histogram.BucketLayout;
import io.cassmon.exporter.histogram.CassandraSnapshots;
import io.cassmon.exporter.histogram.CumulativeBuckets;
import io.cassmon.exporter.histogram.EstimatedHistogramOffsets;
import io.cassmon.exporter.registry.Family;
import io.cassmon.exporter.registry.MetricKind;
import io.cassmon.exporter.registry.Rendering;
import io.cassmon.exporter.registry.Shape;
import io.cassmon.exporter.registry.TrackedMetric;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a family of Dropwizard metrics into Prometheus samples, by the family's {@link Shape}. A metric that
 * throws is left out of this scrape and reported to {@link ScrapeErrors}.
 */
final class FamilyRenderer {
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    /** Cassandra 4.x without SSTables reports an empty array; 151 values is the layout of SSTables before 5.0. */
    private static final int EMPTY_GAUGE_HISTOGRAM_VALUES = 151;

    private final ScrapeErrors errors;
    private final Map<BucketFamily, BucketLayout> layouts;

    FamilyRenderer(ScrapeErrors errors, Map<BucketFamily, BucketLayout> layouts) {
        this.errors = errors;
        this.layouts = layouts;
    }

    /** Null when no series of the family could be read. {@code registry} finds a histogram's sum counter. */
    MetricFamilySamples render(Family family, ScrapeStats stats, Function<String, Metric> registry) {
        List<Sample> samples = new ArrayList<>();
        for (TrackedMetric metric : family.series()) {
            int before = samples.size();
            try {
                Series series = new Series(family.name(), family.labelNames(), metric.id().labelValues(), samples);
                if (!addSamples(series, metric, registry)) {
                    stats.nonNumericGauges++;
                }
            } catch (Throwable t) {
                // Keep the scrape whole: drop what this metric half-wrote and go on (e.g. Cassandra 3.11/4.0
                // "Unable to compute when histogram overflowed", a table dropped mid-scrape, an AssertionError
                // under Cassandra's -ea). Only the JVM's own errors fail the scrape.
                Fatal.rethrowIfFatal(t);
                samples.subList(before, samples.size()).clear();
                stats.failedMetrics++;
                errors.failed(metric.dropwizardName(), t);
            }
        }
        stats.samples += samples.size();
        if (samples.isEmpty()) {
            return null;
        }
        return new MetricFamilySamples(family.name(), typeOf(family.shape()), family.help(), samples);
    }

    private static Type typeOf(Shape shape) {
        switch (shape) {
            case COUNTER:
                return Type.COUNTER;
            case SUMMARY:
                return Type.SUMMARY;
            case HISTOGRAM:
                return Type.HISTOGRAM;
            case GAUGE_HISTOGRAM:
                return Type.GAUGE_HISTOGRAM;
            default:
                return Type.GAUGE;
        }
    }

    /** False when the metric is a gauge whose value is not a number (nothing added). */
    private boolean addSamples(Series series, TrackedMetric tracked, Function<String, Metric> registry) {
        Rendering rendering = tracked.id().rendering();
        switch (rendering.shape()) {
            case GAUGE:
            case COUNTER:
                Double value = value(tracked);
                if (value == null) {
                    return false;
                }
                series.add(rendering.shape() == Shape.COUNTER ? "_total" : "", value * rendering.scale());
                return true;
            case SUMMARY:
                addSummary(series, tracked);
                return true;
            case HISTOGRAM:
                addHistogram(series, tracked, registry);
                return true;
            default:
                addGaugeHistogram(series, tracked);
                return true;
        }
    }

    private Double value(TrackedMetric tracked) {
        Metric metric = tracked.metric();
        if (metric instanceof Counting) {
            return (double) ((Counting) metric).getCount();
        }
        Object value = ((Gauge<?>) metric).getValue();
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? 1.0 : 0.0;
        }
        errors.notNumeric(tracked.dropwizardName(), value);
        return null;
    }

    private static void addSummary(Series series, TrackedMetric tracked) {
        Snapshot snapshot = ((Sampling) tracked.metric()).getSnapshot();
        double scale = tracked.id().rendering().scale();
        if (tracked.kind() == MetricKind.TIMER) {
            // Dropwizard timers record nanoseconds; Cassandra 4.1+ timers microseconds.
            int shift = CassandraSnapshots.isCassandra(snapshot)
                    ? CassandraSnapshots.timerDecimalShift(snapshot.getValues()) : 9;
            scale = Math.pow(10, -shift);
        }
        for (double quantile : QUANTILES) {
            series.addWith("", "quantile", Double.toString(quantile), snapshot.getValue(quantile) * scale);
        }
        series.add("_count", ((Counting) tracked.metric()).getCount());
    }

    private void addHistogram(Series series, TrackedMetric tracked, Function<String, Metric> registry) {
        Snapshot snapshot = ((Sampling) tracked.metric()).getSnapshot();
        if (!CassandraSnapshots.isCassandra(snapshot)) {
            throw new IllegalStateException("its snapshot " + snapshot.getClass().getName()
                    + " has no Cassandra buckets");
        }
        long[] values = snapshot.getValues();
        Rendering rendering = tracked.id().rendering();
        boolean timer = tracked.kind() == MetricKind.TIMER;
        int shift = timer ? CassandraSnapshots.timerDecimalShift(values) : decimalShift(rendering.scale());
        boolean zeroes = !timer && CassandraSnapshots.considersZeroes(values);
        long total = addBuckets(series, values, EstimatedHistogramOffsets.forValues(values.length, zeroes), shift,
                rendering.buckets());
        series.add("_count", total);
        if (rendering.sumMetric() != null) {
            Metric sum = registry.apply(rendering.sumMetric());
            if (sum instanceof Counting) {
                series.add("_sum", ((Counting) sum).getCount() * rendering.sumScale());
            }
        }
    }

    private void addGaugeHistogram(Series series, TrackedMetric tracked) {
        Object value = ((Gauge<?>) tracked.metric()).getValue();
        if (!(value instanceof long[])) {
            throw new IllegalStateException("its value is " + (value == null ? "null" : value.getClass().getName())
                    + ", not Cassandra's long[] of bucket counts");
        }
        long[] values = (long[]) value;
        if (values.length == 0) {
            values = new long[EMPTY_GAUGE_HISTOGRAM_VALUES];
        }
        long[] offsets = EstimatedHistogramOffsets.forValues(values.length, false);
        long total = addBuckets(series, values, offsets, decimalShift(tracked.id().rendering().scale()),
                tracked.id().rendering().buckets());
        series.add("_gcount", total);
    }

    /** Adds {@code _bucket} samples, +Inf included; returns the total count. */
    private long addBuckets(Series series, long[] values, long[] offsets, int shift, BucketFamily family) {
        BucketLayout.Bounds bounds = layouts.get(family).bounds(offsets, shift);
        long[] cumulative = CumulativeBuckets.of(values, bounds);
        for (int i = 0; i < bounds.size(); i++) {
            series.addWith("_bucket", "le", bounds.label(i), cumulative[i]);
        }
        long total = cumulative[bounds.size()];
        series.addWith("_bucket", "le", "+Inf", total);
        return total;
    }

    private static int decimalShift(double scale) {
        return (int) Math.round(-Math.log10(scale));
    }

    /** One series' samples: the family's name and labels plus a suffix and, for buckets, one more label. */
    private static final class Series {
        private final String name;
        private final List<String> labelNames;
        private final List<String> labelValues;
        private final List<Sample> out;

        Series(String name, List<String> labelNames, List<String> labelValues, List<Sample> out) {
            this.name = name;
            this.labelNames = labelNames;
            this.labelValues = labelValues;
            this.out = out;
        }

        void add(String suffix, double value) {
            out.add(new Sample(name + suffix, labelNames, labelValues, value));
        }

        void addWith(String suffix, String label, String labelValue, double value) {
            List<String> names = new ArrayList<>(labelNames.size() + 1);
            names.addAll(labelNames);
            names.add(label);
            List<String> values = new ArrayList<>(labelValues.size() + 1);
            values.addAll(labelValues);
            values.add(labelValue);
            out.add(new Sample(name + suffix, names, values, value));
        }
    }
}
