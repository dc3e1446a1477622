package io.cassmon.exporter.mapping;

import com.codahale.metrics.Snapshot;

/**
 * Seconds per unit of a Timer snapshot. Dropwizard timers record nanoseconds, but Cassandra 4.1+ timers record
 * microseconds (CASSANDRA-16760): their reservoir has 127 buckets (128 values with overflow) instead of the
 * 164 (165 values) of 3.11 and 4.0 nanosecond reservoirs.
 */
final class TimerUnit {
    static final String CASSANDRA_SNAPSHOT = "org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir$EstimatedHistogramReservoirSnapshot";
    static final int MICROSECOND_RESERVOIR_VALUES = 128;
    static final double SECONDS_PER_NANOSECOND = 1e-9;
    static final double SECONDS_PER_MICROSECOND = 1e-6;

    private TimerUnit() {
    }

    static double secondsPerUnit(Snapshot snapshot) {
        boolean microseconds = CASSANDRA_SNAPSHOT.equals(snapshot.getClass().getName())
                && snapshot.getValues().length == MICROSECOND_RESERVOIR_VALUES;
        return microseconds ? SECONDS_PER_MICROSECOND : SECONDS_PER_NANOSECOND;
    }
}
