package io.cassmon.exporter.registry;

import io.cassmon.exporter.histogram.BucketFamily;

/**
 * How to turn one Dropwizard metric into samples: the shape, the factor to base units, the bucket family of a
 * histogram, the Dropwizard counter (and its factor) that holds a histogram's exact {@code _sum}, and how often a
 * costly gauge is read.
 */
public final class Rendering {
    private final Shape shape;
    private final double scale;
    private final BucketFamily buckets;
    private final String sumMetric;
    private final double sumScale;
    private final long readEveryNanos;

    public Rendering(Shape shape, double scale, BucketFamily buckets, String sumMetric, double sumScale) {
        this(shape, scale, buckets, sumMetric, sumScale, 0);
    }

    private Rendering(Shape shape, double scale, BucketFamily buckets, String sumMetric, double sumScale,
                      long readEveryNanos) {
        this.shape = shape;
        this.scale = scale;
        this.buckets = buckets;
        this.sumMetric = sumMetric;
        this.sumScale = sumScale;
        this.readEveryNanos = readEveryNanos;
    }

    public static Rendering of(Shape shape) {
        return new Rendering(shape, 1, null, null, 1);
    }

    public Shape shape() {
        return shape;
    }

    /** Base units per unit of the metric's value (e.g. 1e-3 for milliseconds). For Cassandra timers, see TimerUnit. */
    public double scale() {
        return scale;
    }

    public BucketFamily buckets() {
        return buckets;
    }

    /** Dropwizard name of the counter whose count is the histogram's {@code _sum}, or null when none. */
    public String sumMetric() {
        return sumMetric;
    }

    public double sumScale() {
        return sumScale;
    }

    /** This rendering for a gauge read at most once every {@code seconds} (0: on every scrape). */
    public Rendering readAtMostEvery(int seconds) {
        return new Rendering(shape, scale, buckets, sumMetric, sumScale, seconds * 1_000_000_000L);
    }

    /** How long a gauge's value is exported again before it is read anew, in nanoseconds; 0 for not at all. */
    public long readEveryNanos() {
        return readEveryNanos;
    }
}
