package io.cassmon.exporter.registry;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.Timer;

/** The Dropwizard metric types, each exported its own way. */
public enum MetricKind {
    GAUGE, COUNTER, METER, TIMER, HISTOGRAM;

    /** Null for metric types Dropwizard may add that the exporter does not know. */
    public static MetricKind of(Metric metric) {
        // Timer before Meter: neither extends the other, but a custom class may implement several interfaces.
        if (metric instanceof Timer) {
            return TIMER;
        }
        if (metric instanceof Histogram) {
            return HISTOGRAM;
        }
        if (metric instanceof Meter) {
            return METER;
        }
        if (metric instanceof Counter) {
            return COUNTER;
        }
        if (metric instanceof Gauge) {
            return GAUGE;
        }
        return null;
    }
}
