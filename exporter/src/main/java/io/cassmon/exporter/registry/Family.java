package io.cassmon.exporter.registry;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The series of one Prometheus family, keyed by label values so no two series can share labels. */
public final class Family {
    private final String name;
    private final Shape shape;
    private final String help;
    private final List<String> labelNames;
    private final ConcurrentMap<List<String>, TrackedMetric> series = new ConcurrentHashMap<>();

    Family(TrackedMetric first) {
        this.name = first.id().family();
        this.shape = first.id().rendering().shape();
        this.help = first.id().help();
        this.labelNames = first.id().labelNames();
    }

    public String name() {
        return name;
    }

    public Shape shape() {
        return shape;
    }

    public String help() {
        return help;
    }

    public List<String> labelNames() {
        return labelNames;
    }

    public Collection<TrackedMetric> series() {
        return series.values();
    }

    /** Why {@code metric} cannot join this family, or null when it can. */
    String conflictWith(TrackedMetric metric) {
        Shape other = metric.id().rendering().shape();
        if (other != shape) {
            return "family " + name + " is a " + shape + ", not a " + other;
        }
        if (!metric.id().labelNames().equals(labelNames)) {
            return "family " + name + " has labels " + labelNames + ", not " + metric.id().labelNames();
        }
        TrackedMetric holder = series.get(metric.id().labelValues());
        if (holder != null && !holder.dropwizardName().equals(metric.dropwizardName())) {
            return "series " + name + metric.id().labelValues() + " is already exported for " + holder.dropwizardName();
        }
        return null;
    }

    void put(TrackedMetric metric) {
        series.put(metric.id().labelValues(), metric);
    }

    boolean remove(TrackedMetric metric) {
        return series.remove(metric.id().labelValues(), metric);
    }

    boolean isEmpty() {
        return series.isEmpty();
    }
}
