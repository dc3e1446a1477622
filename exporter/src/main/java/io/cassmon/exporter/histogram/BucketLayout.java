package io.cassmon.exporter.histogram;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Which of Cassandra's bucket boundaries are exported. Merging adjacent Cassandra buckets keeps every count
 * exact: a chosen boundary is always one of Cassandra's own, the one nearest (by ratio) to each wanted value.
 * Full resolution exports every Cassandra boundary.
 */
public final class BucketLayout {
    private final double[] wanted;
    /** Chosen bounds by offsets array (the shared arrays of {@link EstimatedHistogramOffsets}) and shift. */
    private volatile Chosen[] chosen = new Chosen[0];

    private BucketLayout(double[] wanted) {
        this.wanted = wanted;
    }

    public static BucketLayout full() {
        return new BucketLayout(null);
    }

    /** Boundaries in base units (seconds, bytes or counts). */
    public static BucketLayout of(double... boundaries) {
        double[] sorted = boundaries.clone();
        Arrays.sort(sorted);
        return new BucketLayout(sorted);
    }

    /**
     * The boundaries to export for Cassandra {@code offsets} whose unit is 10^-{@code decimalShift} base units
     * (6 for microseconds, 9 for nanoseconds, 0 for bytes and counts).
     */
    public Bounds bounds(long[] offsets, int decimalShift) {
        for (Chosen known : chosen) {
            if (known.offsets == offsets && known.decimalShift == decimalShift) {
                return known.bounds;
            }
        }
        Bounds bounds = choose(offsets, decimalShift);
        synchronized (this) {
            Chosen[] more = Arrays.copyOf(chosen, chosen.length + 1);
            more[chosen.length] = new Chosen(offsets, decimalShift, bounds);
            chosen = more;
        }
        return bounds;
    }

    private static final class Chosen {
        final long[] offsets;
        final int decimalShift;
        final Bounds bounds;

        Chosen(long[] offsets, int decimalShift, Bounds bounds) {
            this.offsets = offsets;
            this.decimalShift = decimalShift;
            this.bounds = bounds;
        }
    }

    private Bounds choose(long[] offsets, int decimalShift) {
        double scale = Math.pow(10, -decimalShift);
        TreeSet<Integer> picked = new TreeSet<>();
        if (wanted == null) {
            for (int i = 0; i < offsets.length; i++) {
                picked.add(i);
            }
        }
        for (double boundary : wanted == null ? new double[0] : wanted) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int i = 0; i < offsets.length; i++) {
                double distance = offsets[i] <= 0 ? Double.MAX_VALUE : Math.abs(Math.log(offsets[i] * scale / boundary));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            // A wanted boundary beyond Cassandra's range has no bucket of its own.
            if (best >= 0 && bestDistance < Math.log(1.25)) {
                picked.add(best);
            }
        }
        int[] indexes = picked.stream().mapToInt(Integer::intValue).toArray();
        String[] labels = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            // Exact decimal text, so the label is the same string on every scrape and every node.
            labels[i] = BigDecimal.valueOf(offsets[indexes[i]]).movePointLeft(decimalShift).stripTrailingZeros()
                    .toPlainString();
        }
        return new Bounds(indexes, labels);
    }

    /** Chosen offset indexes, ascending, with their {@code le} label values. */
    public static final class Bounds {
        private final int[] indexes;
        private final String[] labels;

        Bounds(int[] indexes, String[] labels) {
            this.indexes = indexes;
            this.labels = labels;
        }

        public int size() {
            return indexes.length;
        }

        public int index(int i) {
            return indexes[i];
        }

        public String label(int i) {
            return labels[i];
        }
    }
}
