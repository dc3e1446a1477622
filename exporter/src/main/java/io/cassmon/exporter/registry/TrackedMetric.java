package io.cassmon.exporter.registry;

import com.codahale.metrics.Metric;

/** A registered Dropwizard metric with its Prometheus identity, resolved once at registration. */
public final class TrackedMetric {
    private final String dropwizardName;
    private final Metric metric;
    private final MetricKind kind;
    private final MetricId id;

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
}
