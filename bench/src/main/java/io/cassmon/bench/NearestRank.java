package io.cassmon.bench;

/** Nearest-rank percentiles of latencies: with 10 values, p99 is the largest. */
final class NearestRank {
    private NearestRank() {
    }

    /** The {@code quantile} of {@code sortedNanos} (ascending), in milliseconds; NaN when there are none. */
    static double millis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
