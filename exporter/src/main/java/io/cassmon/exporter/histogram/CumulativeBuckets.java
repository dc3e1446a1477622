package io.cassmon.exporter.histogram;

/** Cassandra bucket counts (the overflow bucket last) summed into Prometheus' cumulative buckets. */
public final class CumulativeBuckets {
    private CumulativeBuckets() {
    }

    /**
     * Cumulative counts at {@code bounds}, then the total of every bucket (the +Inf bucket and {@code _count})
     * as the last element. {@code values.length} must be one more than the offsets the bounds were chosen from.
     */
    public static long[] of(long[] values, BucketLayout.Bounds bounds) {
        long[] out = new long[bounds.size() + 1];
        long running = 0;
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            running += values[i];
            if (next < bounds.size() && i == bounds.index(next)) {
                out[next++] = running;
            }
        }
        out[bounds.size()] = running;
        return out;
    }
}
