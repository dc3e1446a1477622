package io.cassmon.exporter.histogram;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Cassandra's bucket boundaries ({@code utils.EstimatedHistogram.newOffsets}, the same in 3.11 to 5.0): 1, 2, 3,
 * each next = round(previous * 1.2), +1 when that equals the previous; a leading 0 when zeroes are considered.
 * Bucket i counts values in (offset[i-1], offset[i]], so {@code le=offset[i]} is exact.
 */
public final class EstimatedHistogramOffsets {
    /** Offsets by number of values, without and with a leading zero; Cassandra has at most 238 values. */
    private static final AtomicReferenceArray<long[]> PLAIN = new AtomicReferenceArray<>(ReservoirBuckets.MAX_VALUES + 1);
    private static final AtomicReferenceArray<long[]> WITH_ZERO = new AtomicReferenceArray<>(ReservoirBuckets.MAX_VALUES + 1);

    private EstimatedHistogramOffsets() {
    }

    /** The offsets of a Cassandra bucket array of {@code length} values (the last value is the overflow bucket). */
    public static long[] forValues(int length, boolean considerZeroes) {
        int offsets = length - 1;
        if (length > ReservoirBuckets.MAX_VALUES) {
            throw new IllegalArgumentException(length + " bucket counts, more than any Cassandra histogram has");
        }
        AtomicReferenceArray<long[]> cache = considerZeroes ? WITH_ZERO : PLAIN;
        long[] known = cache.get(length);
        if (known == null) {
            cache.compareAndSet(length, null, newOffsets(considerZeroes ? offsets - 1 : offsets, considerZeroes));
            known = cache.get(length);
        }
        return known;
    }

    static long[] newOffsets(int size, boolean considerZeroes) {
        long[] result = new long[size + (considerZeroes ? 1 : 0)];
        int i = 0;
        if (considerZeroes) {
            result[i++] = 0;
        }
        long last = 1;
        result[i++] = last;
        for (; i < result.length; i++) {
            long next = Math.round(last * 1.2);
            if (next == last) {
                next++;
            }
            result[i] = next;
            last = next;
        }
        return result;
    }
}
