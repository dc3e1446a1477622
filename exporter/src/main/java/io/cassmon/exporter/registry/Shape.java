package io.cassmon.exporter.registry;

/** How a Dropwizard metric is rendered as Prometheus samples. */
public enum Shape {
    /** A gauge: a numeric Gauge's value, or a Counter's count (Dropwizard counters can go down). */
    GAUGE,
    /** A counter {@code <family>_total}: a Meter's or monotonic Counter's count, or a monotonic Gauge. */
    COUNTER,
    /** A summary of a Timer's or Histogram's snapshot quantiles and count (plain Dropwizard reservoirs). */
    SUMMARY,
    /** A true cumulative histogram from Cassandra's non-decaying bucket counts. */
    HISTOGRAM,
    /** A gauge histogram from a {@code Gauge<long[]>} of Cassandra bucket counts over current data. */
    GAUGE_HISTOGRAM
}
