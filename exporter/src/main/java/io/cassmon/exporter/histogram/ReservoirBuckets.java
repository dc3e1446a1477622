package io.cassmon.exporter.histogram;

import com.codahale.metrics.Metric;
import com.codahale.metrics.Sampling;
import com.codahale.metrics.Snapshot;
import io.cassmon.exporter.log.Log;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Reads a Cassandra histogram's plain (non-decaying) bucket counts, the values its snapshot's {@code getValues()}
 * returns, straight from its {@code DecayingEstimatedHistogramReservoir}: the sum over stripes of each bucket of
 * the reservoir's {@code buckets} array. {@code getSnapshot()} would copy the decaying and the plain buckets and
 * {@code getValues()} copy them again, about 3 KiB per histogram per scrape, more than the rest of a scrape
 * allocates. The reservoir is found once per metric; when it is not (another reservoir, another Cassandra), the
 * snapshot is used, as before.
 */
public abstract class ReservoirBuckets {
    static final String RESERVOIR_CLASS = "org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir";
    private static final ConcurrentMap<String, int[]> STRIPE_LAYOUTS = new ConcurrentHashMap<>();
    /**
     * Fields followed from the metric to its reservoir: Cassandra 5.0's latency timer holds a Histogram, which holds
     * a ScalingReservoir, which holds the DecayingEstimatedHistogramReservoir.
     */
    private static final int SEARCH_DEPTH = 5;
    private static volatile boolean fallbackLogged;

    /**
     * Copies the bucket counts into {@code into} (at least {@link #MAX_VALUES} long) and returns how many there
     * are, the overflow bucket last; throws when the metric is not a Cassandra histogram.
     */
    public abstract int read(long[] into);

    /** More values than any Cassandra histogram has (its maximum is 237 buckets plus overflow). */
    public static final int MAX_VALUES = 256;

    /** The reader for {@code metric}, a Dropwizard Timer or Histogram. */
    public static ReservoirBuckets of(Metric metric) {
        String why;
        try {
            Object reservoir = findReservoir(metric, SEARCH_DEPTH);
            if (reservoir != null) {
                return direct(reservoir);
            }
            why = "no " + RESERVOIR_CLASS + " in " + metric.getClass().getName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            why = e.toString();
        }
        if (!fallbackLogged) {
            fallbackLogged = true;
            Log.info("cassmon: reading Cassandra histograms through getSnapshot() (slower), their buckets cannot be"
                    + " read directly here: " + why);
        }
        return new FromSnapshot((Sampling) metric);
    }

    /** The Cassandra reservoir held (directly, or through a Histogram) by a field of {@code holder}, or null. */
    private static Object findReservoir(Object holder, int depth) throws IllegalAccessException {
        if (holder == null || depth == 0) {
            return null;
        }
        if (RESERVOIR_CLASS.equals(holder.getClass().getName())) {
            return holder;
        }
        for (Class<?> type = holder.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()
                        || !holdsReservoir(field.getType())) {
                    continue;
                }
                field.setAccessible(true);
                Object found = findReservoir(field.get(holder), depth - 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean holdsReservoir(Class<?> type) {
        return com.codahale.metrics.Reservoir.class.isAssignableFrom(type)
                || com.codahale.metrics.Histogram.class.isAssignableFrom(type)
                || type.getName().endsWith("Reservoir");
    }

    private static ReservoirBuckets direct(Object reservoir) throws ReflectiveOperationException {
        Class<?> type = reservoir.getClass();
        Field bucketsField = type.getDeclaredField("buckets");
        bucketsField.setAccessible(true);
        AtomicLongArray buckets = (AtomicLongArray) bucketsField.get(reservoir);
        int stripes = 1;
        Method stripeCount = method(type, "stripeCount");
        if (stripeCount != null) {
            stripes = (Integer) stripeCount.invoke(reservoir);
        }
        if (stripes < 1 || buckets.length() % stripes != 0 || buckets.length() / stripes > MAX_VALUES) {
            throw new IllegalStateException(buckets.length() + " bucket slots in " + stripes + " stripes");
        }
        return new Direct(buckets, stripes, stripes == 1 ? null : stripeLayout(reservoir, buckets.length(), stripes));
    }

    /**
     * The slots of the striped array bucket by bucket: bucket {@code b}'s stripes are at
     * {@code [b * stripes, (b + 1) * stripes)}. {@code stripedIndex(bucket, stripe)} asked of the reservoir itself,
     * and shared by every reservoir of the same shape.
     */
    private static int[] stripeLayout(Object reservoir, int slots, int stripes) throws ReflectiveOperationException {
        Field primeField = reservoir.getClass().getDeclaredField("distributionPrime");
        primeField.setAccessible(true);
        String key = slots + "/" + stripes + "/" + primeField.getInt(reservoir);
        int[] layout = STRIPE_LAYOUTS.get(key);
        if (layout != null) {
            return layout;
        }
        Method stripedIndex = reservoir.getClass().getMethod("stripedIndex", int.class, int.class);
        layout = new int[slots];
        boolean[] taken = new boolean[slots];
        for (int bucket = 0; bucket < slots / stripes; bucket++) {
            for (int stripe = 0; stripe < stripes; stripe++) {
                int slot = (Integer) stripedIndex.invoke(reservoir, bucket, stripe);
                if (slot < 0 || slot >= slots || taken[slot]) {
                    throw new IllegalStateException("stripedIndex(" + bucket + ", " + stripe + ") is " + slot
                            + ", outside the array or taken by another bucket");
                }
                taken[slot] = true;
                layout[bucket * stripes + stripe] = slot;
            }
        }
        STRIPE_LAYOUTS.putIfAbsent(key, layout);
        return layout;
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static final class Direct extends ReservoirBuckets {
        private final AtomicLongArray buckets;
        private final int values;
        private final int stripes;
        /** Null when not striped (Cassandra 3.11); else {@link #stripeLayout}. */
        private final int[] slotsByBucket;

        Direct(AtomicLongArray buckets, int stripes, int[] slotsByBucket) {
            this.buckets = buckets;
            this.values = buckets.length() / stripes;
            this.stripes = stripes;
            this.slotsByBucket = slotsByBucket;
        }

        @Override
        public int read(long[] into) {
            if (slotsByBucket == null) {
                for (int i = 0; i < values; i++) {
                    into[i] = buckets.get(i);
                }
                return values;
            }
            int slot = 0;
            for (int bucket = 0; bucket < values; bucket++) {
                long count = 0;
                for (int stripe = 0; stripe < stripes; stripe++) {
                    count += buckets.get(slotsByBucket[slot++]);
                }
                into[bucket] = count;
            }
            return values;
        }
    }

    private static final class FromSnapshot extends ReservoirBuckets {
        private final Sampling metric;

        FromSnapshot(Sampling metric) {
            this.metric = metric;
        }

        @Override
        public int read(long[] into) {
            Snapshot snapshot = metric.getSnapshot();
            if (!CassandraSnapshots.isCassandra(snapshot)) {
                throw new IllegalStateException("its snapshot " + snapshot.getClass().getName()
                        + " has no Cassandra buckets");
            }
            long[] values = snapshot.getValues();
            System.arraycopy(values, 0, into, 0, values.length);
            return values.length;
        }
    }
}
