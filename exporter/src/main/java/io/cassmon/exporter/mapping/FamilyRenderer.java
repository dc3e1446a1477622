package io.cassmon.exporter.mapping;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.Sampling;
import com.codahale.metrics.Snapshot;
import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.exposition.SeriesLines;
import io.cassmon.exporter.exposition.Suffix;
import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.histogram.BucketFamily;
import io.cassmon.exporter.histogram.BucketLayout;
import io.cassmon.exporter.histogram.CassandraSnapshots;
import io.cassmon.exporter.histogram.EstimatedHistogramOffsets;
import io.cassmon.exporter.histogram.ReservoirBuckets;
import io.cassmon.exporter.registry.Family;
import io.cassmon.exporter.registry.MetricKind;
import io.cassmon.exporter.registry.Rendering;
import io.cassmon.exporter.registry.Shape;
import io.cassmon.exporter.registry.TrackedMetric;
import io.prometheus.client.Collector.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a family of Dropwizard metrics into Prometheus samples, by the family's {@link Shape}. A metric that
 * throws is left out of this scrape and reported to {@link ScrapeErrors}. One renderer serves one scrape at a time.
 */
final class FamilyRenderer {
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final String[] QUANTILE_LABELS = {"0.5", "0.75", "0.95", "0.98", "0.99", "0.999"};
    /** Cassandra 4.x without SSTables reports an empty array; 151 values is the layout of SSTables before 5.0. */
    private static final int EMPTY_GAUGE_HISTOGRAM_VALUES = 151;

    private final ScrapeErrors errors;
    private final Map<BucketFamily, BucketLayout> layouts;
    /** Whose kept series lines this renderer may write again ({@link SeriesLines}); null: never keep them. */
    private final Object linesOwner;
    /** Bucket counts of the histogram being rendered. */
    private final long[] values = new long[ReservoirBuckets.MAX_VALUES];
    /** What a series' text is written from, besides bucket counts: a value's bits, or a count and a sum. */
    private final long[] state = new long[2];
    /** The value of the gauge or counter being rendered ({@link #readValue}). */
    private double value;
    /** Series of the family being rendered written from kept text. */
    private int reused;

    /**
     * {@code linesOwner}: the same object on every scrape of one collector (whose {@code layouts} do not change), so
     * a series whose value or counts did not change since the last scrape is copied from the text kept then; null to
     * write every series anew on every scrape.
     */
    FamilyRenderer(ScrapeErrors errors, Map<BucketFamily, BucketLayout> layouts, Object linesOwner) {
        this.errors = errors;
        this.layouts = layouts;
        this.linesOwner = linesOwner;
    }

    /** {@code registry} finds a histogram's sum counter. */
    void render(Family family, ScrapeStats stats, Function<String, Metric> registry, SampleSink sink) {
        sink.startFamily(family.name(), typeOf(family.shape()), family.help(), family.labelNames());
        for (TrackedMetric metric : family.series()) {
            int mark = sink.mark();
            try {
                if (!addSamples(sink, metric, registry, mark)) {
                    stats.nonNumericGauges++;
                }
            } catch (Throwable t) {
                // Keep the scrape whole: drop what this metric half-wrote and go on (e.g. Cassandra 3.11/4.0
                // "Unable to compute when histogram overflowed", a table dropped mid-scrape, an AssertionError
                // under Cassandra's -ea). Only the JVM's own errors fail the scrape.
                Fatal.rethrowIfFatal(t);
                sink.reset(mark);
                stats.failedMetrics++;
                errors.failed(metric.dropwizardName(), t);
            }
        }
        stats.samples += sink.endFamily();
        stats.reusedSeries += reused;
        reused = 0;
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
    private boolean addSamples(SampleSink sink, TrackedMetric tracked, Function<String, Metric> registry, int mark) {
        Rendering rendering = tracked.id().rendering();
        List<String> labels = tracked.id().labelValues();
        switch (rendering.shape()) {
            case GAUGE:
            case COUNTER:
                if (!readValue(tracked)) {
                    return false;
                }
                double scaled = value * rendering.scale();
                state[0] = Double.doubleToRawLongBits(scaled);
                if (!rewrote(sink, tracked, state, 1)) {
                    sink.sample(rendering.shape() == Shape.COUNTER ? Suffix.TOTAL : Suffix.NONE, labels, null, null,
                            scaled);
                    keep(sink, tracked, mark, state, 1);
                }
                return true;
            case SUMMARY:
                addSummary(sink, tracked, labels);
                return true;
            case HISTOGRAM:
                addHistogram(sink, tracked, labels, registry, mark);
                return true;
            default:
                addGaugeHistogram(sink, tracked, labels, mark);
                return true;
        }
    }

    /**
     * A counter's count or a gauge's number (booleans as 1 and 0) into {@link #value}, the last one read when the
     * gauge is read at most every so often; false, reported, for a gauge whose value is not a number.
     */
    private boolean readValue(TrackedMetric tracked) {
        if (tracked.metric() instanceof Counting) {
            value = ((Counting) tracked.metric()).getCount();
            return true;
        }
        long readEvery = tracked.id().rendering().readEveryNanos();
        if (readEvery == 0) {
            return readGauge(tracked);
        }
        long now = System.nanoTime();
        if (tracked.readSince(now - readEvery)) {
            value = tracked.lastValue();
            return true;
        }
        if (!readGauge(tracked)) {
            return false;
        }
        tracked.readAt(now, value);
        return true;
    }

    private boolean readGauge(TrackedMetric tracked) {
        Object gauge = ((Gauge<?>) tracked.metric()).getValue();
        if (gauge instanceof Number) {
            value = ((Number) gauge).doubleValue();
        } else if (gauge instanceof Boolean) {
            value = ((Boolean) gauge) ? 1 : 0;
        } else {
            errors.notNumeric(tracked.dropwizardName(), gauge);
            return false;
        }
        return true;
    }

    private static void addSummary(SampleSink sink, TrackedMetric tracked, List<String> labels) {
        Snapshot snapshot = ((Sampling) tracked.metric()).getSnapshot();
        double scale = tracked.id().rendering().scale();
        if (tracked.kind() == MetricKind.TIMER) {
            // Dropwizard timers record nanoseconds; Cassandra 4.1+ timers microseconds.
            int shift = CassandraSnapshots.isCassandra(snapshot)
                    ? CassandraSnapshots.timerDecimalShift(snapshot.getValues().length) : 9;
            scale = Math.pow(10, -shift);
        }
        for (int i = 0; i < QUANTILES.length; i++) {
            sink.sample(Suffix.NONE, labels, "quantile", QUANTILE_LABELS[i], snapshot.getValue(QUANTILES[i]) * scale);
        }
        sink.sample(Suffix.COUNT, labels, null, null, ((Counting) tracked.metric()).getCount());
    }

    /**
     * The buckets, {@code _count} and {@code _sum} of a histogram or timer; the lines kept from the last scrape when its
     * Dropwizard count and sum counter did not change since. That is exact: Dropwizard counts an update before it
     * records it in the reservoir, so buckets that added up to the count read before them held every update counted,
     * and an unchanged count means no update since.
     */
    private void addHistogram(SampleSink sink, TrackedMetric tracked, List<String> labels,
                              Function<String, Metric> registry, int mark) {
        Rendering rendering = tracked.id().rendering();
        long count = ((Counting) tracked.metric()).getCount();
        Metric sumMetric = rendering.sumMetric() == null ? null : registry.apply(rendering.sumMetric());
        Counting sum = sumMetric instanceof Counting ? (Counting) sumMetric : null;
        state[0] = count;
        // Without a sum counter (yet: Cassandra registers it after the timer) the state is the count alone.
        int stateLength = sum == null ? 1 : 2;
        if (sum != null) {
            state[1] = sum.getCount();
        }
        if (rewrote(sink, tracked, state, stateLength)) {
            return;
        }
        int length = tracked.buckets().read(values);
        boolean timer = tracked.kind() == MetricKind.TIMER;
        int shift = timer ? CassandraSnapshots.timerDecimalShift(length) : decimalShift(rendering.scale());
        boolean zeroes = !timer && CassandraSnapshots.considersZeroes(length);
        long total = addBuckets(sink, labels, length, EstimatedHistogramOffsets.forValues(length, zeroes), shift,
                rendering.buckets());
        sink.sample(Suffix.COUNT, labels, null, null, total);
        if (sum != null) {
            sink.sample(Suffix.SUM, labels, null, null, state[1] * rendering.sumScale());
        }
        if (total == count) {
            keep(sink, tracked, mark, state, stateLength);
        }
    }

    /** Cassandra's bucket counts computed from the table's SSTables; the lines kept when they are the same. */
    private void addGaugeHistogram(SampleSink sink, TrackedMetric tracked, List<String> labels, int mark) {
        Object value = ((Gauge<?>) tracked.metric()).getValue();
        if (!(value instanceof long[])) {
            throw new IllegalStateException("its value is " + (value == null ? "null" : value.getClass().getName())
                    + ", not Cassandra's long[] of bucket counts");
        }
        long[] counts = (long[]) value;
        int length = counts.length == 0 ? EMPTY_GAUGE_HISTOGRAM_VALUES : counts.length;
        if (length > values.length) {
            throw new IllegalStateException("it has " + length + " buckets, more than any Cassandra histogram");
        }
        System.arraycopy(counts, 0, values, 0, counts.length);
        java.util.Arrays.fill(values, counts.length, length, 0L);
        if (rewrote(sink, tracked, values, length)) {
            return;
        }
        long[] offsets = EstimatedHistogramOffsets.forValues(length, false);
        long total = addBuckets(sink, labels, length, offsets, decimalShift(tracked.id().rendering().scale()),
                tracked.id().rendering().buckets());
        sink.sample(Suffix.GAUGE_COUNT, labels, null, null, total);
        keep(sink, tracked, mark, values, length);
    }

    /** Whether the series' lines kept at the last scrape, written from the same state, were written again. */
    private boolean rewrote(SampleSink sink, TrackedMetric tracked, long[] state, int stateLength) {
        if (linesOwner == null || !sink.rewrite(tracked.lines(), linesOwner, state, stateLength)) {
            return false;
        }
        reused++;
        return true;
    }

    /** Keeps the series' lines written since {@code mark}, from {@code state}, for the next scrape. */
    private void keep(SampleSink sink, TrackedMetric tracked, int mark, long[] state, int stateLength) {
        if (linesOwner != null) {
            sink.keep(tracked.lines(), mark, linesOwner, state, stateLength);
        }
    }

    /**
     * Adds cumulative {@code _bucket} samples of {@code values[0, length)} (the overflow bucket last), +Inf
     * included; returns the total count.
     */
    private long addBuckets(SampleSink sink, List<String> labels, int length, long[] offsets, int shift,
                            BucketFamily family) {
        BucketLayout.Bounds bounds = layouts.get(family).bounds(offsets, shift);
        long running = 0;
        int i = 0;
        for (int bound = 0; bound < bounds.size() && bounds.index(bound) < length; bound++) {
            for (int last = bounds.index(bound); i <= last; i++) {
                running += values[i];
            }
            sink.sample(Suffix.BUCKET, labels, "le", bounds.label(bound), running);
        }
        for (; i < length; i++) {
            running += values[i];
        }
        sink.sample(Suffix.BUCKET, labels, "le", "+Inf", running);
        return running;
    }

    private static int decimalShift(double scale) {
        return (int) Math.round(-Math.log10(scale));
    }
}
