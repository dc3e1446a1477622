package io.cassmon.exporter.jvm;

import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.exposition.Suffix;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram of durations in seconds, one series per label-value combination. Recording is lock-free
 * and allocation-free once a series exists, so it can run on the JVM's notification thread. Unlike simpleclient's
 * Histogram it exports no {@code _created} series, like the rest of cassmon's output.
 */
final class DurationHistogram {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final double[] upperBounds;
    /** The {@code le} label of each bucket, {@code +Inf} last. */
    private final String[] bucketLabels;
    private final ConcurrentMap<List<String>, Series> series = new ConcurrentHashMap<>();

    DurationHistogram(String name, String help, double[] upperBounds, String... labelNames) {
        this.name = name;
        this.help = help;
        this.upperBounds = upperBounds.clone();
        this.bucketLabels = new String[upperBounds.length + 1];
        for (int i = 0; i < upperBounds.length; i++) {
            bucketLabels[i] = Collector.doubleToGoString(upperBounds[i]);
        }
        bucketLabels[upperBounds.length] = "+Inf";
        this.labelNames = Collections.unmodifiableList(Arrays.asList(labelNames));
    }

    String name() {
        return name;
    }

    void observe(double seconds, String... labelValues) {
        series.computeIfAbsent(Arrays.asList(labelValues), k -> new Series(upperBounds.length)).observe(seconds, upperBounds);
    }

    /** The family with no samples, for {@code Collector.describe()}. */
    MetricFamilySamples describe() {
        return new MetricFamilySamples(name, Type.HISTOGRAM, help, Collections.<Sample>emptyList());
    }

    /** Writes the family; a histogram without series writes nothing. */
    void writeTo(SampleSink sink) {
        sink.startFamily(name, Type.HISTOGRAM, help, labelNames);
        series.forEach((values, s) -> {
            long cumulative = 0;
            for (int i = 0; i < bucketLabels.length; i++) {
                cumulative += s.buckets[i].sum();
                sink.sample(Suffix.BUCKET, values, "le", bucketLabels[i], cumulative);
            }
            sink.sample(Suffix.COUNT, values, null, null, cumulative);
            sink.sample(Suffix.SUM, values, null, null, s.sum.sum());
        });
        sink.endFamily();
    }

    /** Bucket counts are not cumulative here (one add per observation); writeTo() sums them up. */
    private static final class Series {
        final LongAdder[] buckets;
        final DoubleAdder sum = new DoubleAdder();

        Series(int bounds) {
            buckets = new LongAdder[bounds + 1];
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double value, double[] upperBounds) {
            int i = 0;
            while (i < upperBounds.length && value > upperBounds[i]) {
                i++;
            }
            buckets[i].increment();
            sum.add(value);
        }
    }
}
