package io.cassmon.exporter.histogram;

import com.codahale.metrics.Snapshot;

/**
 * Recognises Cassandra's histogram snapshots and their unit. {@code getValues()} of
 * {@code DecayingEstimatedHistogramReservoir}'s snapshot holds the plain, non-decaying bucket counts since the
 * metric was created (the source of true histograms); timers hold nanoseconds in 3.11/4.0 (164 buckets, 165
 * values) and microseconds in 4.1+ (CASSANDRA-16760: 127 buckets, 128 values).
 */
public final class CassandraSnapshots {
    static final String SNAPSHOT_CLASS =
            "org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir$EstimatedHistogramReservoirSnapshot";
    static final int MICROSECOND_TIMER_VALUES = 128;
    static final int NANOSECOND_TIMER_VALUES = 165;
    /** A plain histogram created with considerZeroes: a leading 0 offset. */
    static final int ZERO_CONSIDERING_VALUES = 166;

    private CassandraSnapshots() {
    }

    public static boolean isCassandra(Snapshot snapshot) {
        return SNAPSHOT_CLASS.equals(snapshot.getClass().getName());
    }

    /** Powers of ten between a Cassandra timer's unit and seconds, told by its number of bucket counts. */
    public static int timerDecimalShift(int values) {
        if (values == MICROSECOND_TIMER_VALUES) {
            return 6;
        }
        if (values == NANOSECOND_TIMER_VALUES) {
            return 9;
        }
        throw new IllegalStateException("a Cassandra timer with " + values + " bucket counts has no known unit");
    }

    public static boolean considersZeroes(int values) {
        return values == ZERO_CONSIDERING_VALUES;
    }
}
