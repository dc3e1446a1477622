package io.cassmon.exporter.registry;

/** Decides the Prometheus name and labels of a Dropwizard metric, once, when the metric is registered. */
public interface MetricNaming {
    /** Null means: do not export this metric. */
    MetricId name(String dropwizardName, MetricKind kind);
}
