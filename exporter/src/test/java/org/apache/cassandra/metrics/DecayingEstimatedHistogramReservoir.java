package org.apache.cassandra.metrics;

import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A test stand-in with the binary names of Cassandra's reservoir and snapshot, bucketing values the way
 * Cassandra does (EstimatedHistogram offsets, overflow last) so the exporter's rendering can be tested with
 * golden output. Like Cassandra 4.0+, it keeps its plain counts striped in an {@code AtomicLongArray buckets},
 * slot {@code stripedIndex(bucket, stripe)}, with public {@code stripeCount()}. Real Cassandra is exercised by the
 * agent's integration tests.
 */
public final class DecayingEstimatedHistogramReservoir implements Reservoir {
    private static final int STRIPES = 2;

    private final long[] offsets;
    private final AtomicLongArray buckets;
    private final int distributionPrime;
    private final long divisor;
    private int nextStripe;

    /** {@code bucketCount} offsets ({@code considerZeroes} adds a leading 0); values are divided by {@code divisor}. */
    public DecayingEstimatedHistogramReservoir(int bucketCount, boolean considerZeroes, long divisor) {
        offsets = new long[bucketCount + (considerZeroes ? 1 : 0)];
        int i = 0;
        if (considerZeroes) {
            offsets[i++] = 0;
        }
        long last = 1;
        offsets[i++] = last;
        for (; i < offsets.length; i++) {
            long next = Math.round(last * 1.2);
            offsets[i] = next == last ? next + 1 : next;
            last = offsets[i];
        }
        buckets = new AtomicLongArray((offsets.length + 1) * STRIPES);
        distributionPrime = buckets.length() % 17 == 0 ? 19 : 17;
        this.divisor = divisor;
    }

    public int stripeCount() {
        return STRIPES;
    }

    public int stripedIndex(int index, int stripe) {
        return (index * STRIPES + stripe) * distributionPrime % buckets.length();
    }

    @Override
    public int size() {
        return (int) Arrays.stream(values()).sum();
    }

    @Override
    public void update(long value) {
        long scaled = value / divisor;
        int index = Arrays.binarySearch(offsets, scaled);
        add(index >= 0 ? index : Math.min(-index - 1, offsets.length), 1);
    }

    /** Puts {@code count} observations into the overflow bucket, beyond the last offset. */
    public void overflow(long count) {
        add(offsets.length, count);
    }

    private void add(int bucket, long count) {
        buckets.addAndGet(stripedIndex(bucket, nextStripe++ % STRIPES), count);
    }

    @Override
    public Snapshot getSnapshot() {
        return new EstimatedHistogramReservoirSnapshot(values());
    }

    private long[] values() {
        long[] values = new long[offsets.length + 1];
        for (int bucket = 0; bucket < values.length; bucket++) {
            for (int stripe = 0; stripe < STRIPES; stripe++) {
                values[bucket] += buckets.get(stripedIndex(bucket, stripe));
            }
        }
        return values;
    }

    /** Cassandra 3.11 and 4.0 throw from percentiles once the overflow bucket is used; so does this one. */
    static final class EstimatedHistogramReservoirSnapshot extends Snapshot {
        private final long[] values;

        EstimatedHistogramReservoirSnapshot(long[] values) {
            this.values = values;
        }

        @Override
        public double getValue(double quantile) {
            if (values[values.length - 1] > 0) {
                throw new IllegalStateException("Unable to compute when histogram overflowed");
            }
            return 0;
        }

        @Override
        public long[] getValues() {
            return values.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public long getMax() {
            return 0;
        }

        @Override
        public double getMean() {
            throw new IllegalStateException("Unable to compute when histogram overflowed");
        }

        @Override
        public long getMin() {
            return 0;
        }

        @Override
        public double getStdDev() {
            return 0;
        }

        @Override
        public void dump(OutputStream output) {
        }
    }
}
