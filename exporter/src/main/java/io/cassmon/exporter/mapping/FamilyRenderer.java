package io.cassmon.exporter.mapping;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Sampling;
import com.codahale.metrics.Snapshot;
import io.cassmon.exporter.registry.Family;
import io.cassmon.exporter.registry.MetricKind;
import io.cassmon.exporter.registry.TrackedMetric;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a family of Dropwizard metrics into Prometheus samples. Gauges and counters become gauges (a
 * Dropwizard counter can go down), meters become counters, timers and histograms become summaries of their
 * snapshot; a metric that throws is left out of this scrape and reported to {@link ScrapeErrors}.
 */
final class FamilyRenderer {
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    private final ScrapeErrors errors;

    FamilyRenderer(ScrapeErrors errors) {
        this.errors = errors;
    }

    /** Null when no series of the family could be read. */
    MetricFamilySamples render(Family family, ScrapeStats stats) {
        List<Sample> samples = new ArrayList<>();
        for (TrackedMetric metric : family.series()) {
            int before = samples.size();
            try {
                addSamples(family, metric, samples, stats);
            } catch (Exception | LinkageError e) {
                // Keep the scrape whole: drop what this metric half-wrote and go on (e.g. Cassandra 3.11/4.0
                // "Unable to compute when histogram overflowed").
                samples.subList(before, samples.size()).clear();
                stats.failedMetrics++;
                errors.failed(metric.dropwizardName(), e);
            }
        }
        stats.samples += samples.size();
        if (samples.isEmpty()) {
            return null;
        }
        return new MetricFamilySamples(family.name(), typeOf(family.kind()), family.help(), samples);
    }

    private static Type typeOf(MetricKind kind) {
        switch (kind) {
            case METER:
                return Type.COUNTER;
            case TIMER:
            case HISTOGRAM:
                return Type.SUMMARY;
            default:
                return Type.GAUGE;
        }
    }

    private void addSamples(Family family, TrackedMetric tracked, List<Sample> out, ScrapeStats stats) {
        List<String> names = family.labelNames();
        List<String> values = tracked.id().labelValues();
        switch (tracked.kind()) {
            case GAUGE:
                Double value = numeric(tracked);
                if (value != null) {
                    out.add(new Sample(family.name(), names, values, value));
                } else {
                    stats.nonNumericGauges++;
                }
                break;
            case COUNTER:
                out.add(new Sample(family.name(), names, values, ((Counting) tracked.metric()).getCount()));
                break;
            case METER:
                out.add(new Sample(family.name() + "_total", names, values, ((Counting) tracked.metric()).getCount()));
                break;
            default:
                addSummary(family.name(), names, values, tracked, out);
        }
    }

    private static void addSummary(String name, List<String> names, List<String> values, TrackedMetric tracked,
                                   List<Sample> out) {
        Snapshot snapshot = ((Sampling) tracked.metric()).getSnapshot();
        double scale = tracked.kind() == MetricKind.TIMER ? TimerUnit.secondsPerUnit(snapshot) : 1;
        List<String> quantileNames = with(names, "quantile");
        for (double quantile : QUANTILES) {
            double v = snapshot.getValue(quantile) * scale;
            out.add(new Sample(name, quantileNames, with(values, Double.toString(quantile)), v));
        }
        out.add(new Sample(name + "_count", names, values, ((Counting) tracked.metric()).getCount()));
    }

    private Double numeric(TrackedMetric tracked) {
        Object value = ((Gauge<?>) tracked.metric()).getValue();
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? 1.0 : 0.0;
        }
        errors.notNumeric(tracked.dropwizardName(), value);
        return null;
    }

    private static List<String> with(List<String> list, String extra) {
        List<String> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(extra);
        return copy;
    }
}
