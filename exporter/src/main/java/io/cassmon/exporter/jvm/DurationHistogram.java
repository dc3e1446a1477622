package io.cassmon.exporter.jvm;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.ArrayList;
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
    private final ConcurrentMap<List<String>, Series> series = new ConcurrentHashMap<>();

    DurationHistogram(String name, String help, double[] upperBounds, String... labelNames) {
        this.name = name;
        this.help = help;
        this.upperBounds = upperBounds.clone();
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

    MetricFamilySamples collect() {
        List<Sample> samples = new ArrayList<>();
        List<String> bucketLabels = new ArrayList<>(labelNames);
        bucketLabels.add("le");
        series.forEach((values, s) -> {
            long cumulative = 0;
            for (int i = 0; i <= upperBounds.length; i++) {
                cumulative += s.buckets[i].sum();
                List<String> bucketValues = new ArrayList<>(values);
                bucketValues.add(i < upperBounds.length ? io.prometheus.client.Collector.doubleToGoString(upperBounds[i]) : "+Inf");
                samples.add(new Sample(name + "_bucket", bucketLabels, bucketValues, cumulative));
            }
            samples.add(new Sample(name + "_count", labelNames, values, cumulative));
            samples.add(new Sample(name + "_sum", labelNames, values, s.sum.sum()));
        });
        return new MetricFamilySamples(name, Type.HISTOGRAM, help, samples);
    }

    /** Bucket counts are not cumulative here (one add per observation); collect() sums them up. */
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
