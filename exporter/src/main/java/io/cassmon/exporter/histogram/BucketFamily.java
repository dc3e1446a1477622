package io.cassmon.exporter.histogram;

/**
 * The kinds of quantity Cassandra keeps in histograms, each with default boundaries (in base units) chosen so
 * the thresholds operators alert on resolve well: latency around 50 ms and 200 ms, partition size around
 * 10 MB and 100 MB, counts around 10 (sstables per read) and 1,000 (tombstones per read).
 */
public enum BucketFamily {
    LATENCY(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10),
    SIZE(1e3, 1e4, 1e5, 1e6, 5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 1e10),
    COUNT(1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 10_000, 100_000);

    private final double[] defaultBoundaries;

    BucketFamily(double... defaultBoundaries) {
        this.defaultBoundaries = defaultBoundaries;
    }

    public double[] defaultBoundaries() {
        return defaultBoundaries.clone();
    }

    /** The name used in configuration ({@code metrics.buckets.<name>}). */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
