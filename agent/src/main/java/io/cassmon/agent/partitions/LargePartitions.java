package io.cassmon.agent.partitions;

import io.cassmon.exporter.cassandra.CatalogConfig;
import io.cassmon.exporter.guard.Fatal;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Partitions written above the threshold, per table: how many and the largest. Fed by the advice on Cassandra's
 * SSTable writers, on the flush and compaction threads: below the threshold it is one comparison.
 */
public final class LargePartitions {
    /** 5.0 calls its guardrail check twice per partition; only the partition-size guardrail carries a size. */
    static final String PARTITION_SIZE_GUARDRAIL = "partition_size";

    private static volatile long threshold = CatalogConfig.DEFAULT_LARGE_PARTITION_BYTES;
    private static final ConcurrentMap<List<String>, Written> TABLES = new ConcurrentHashMap<>();

    private LargePartitions() {
    }

    public static void threshold(long bytes) {
        threshold = bytes;
    }

    public static long threshold() {
        return threshold;
    }

    /**
     * A partition of {@code size} bytes was written by {@code writer} (Cassandra's {@code SSTable}, whose public
     * {@code descriptor} names the table); {@code guardrail} is 5.0's threshold or null. Throws nothing but the JVM's
     * own errors ({@link Fatal}).
     */
    public static void written(Object writer, Object guardrail, long size) {
        if (size <= threshold) {
            return;
        }
        try {
            if (guardrail != null && !PARTITION_SIZE_GUARDRAIL.equals(field(guardrail, "name"))) {
                return;
            }
            Object descriptor = field(writer, "descriptor");
            List<String> table = Arrays.asList((String) field(descriptor, "ksname"), (String) field(descriptor, "cfname"));
            TABLES.computeIfAbsent(table, key -> new Written()).add(size);
        } catch (Throwable t) {
            // Counting is best effort; nothing of the agent's may reach the writing thread.
            Fatal.rethrowIfFatal(t);
        }
    }

    /** Tables that wrote a large partition, by [keyspace, table]. */
    static Map<List<String>, Written> tables() {
        return TABLES;
    }

    static void forget(List<String> table) {
        TABLES.remove(table);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getField(name);
        return field.get(target);
    }

    /** Count and largest size of one table's large partitions. */
    static final class Written {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong largest = new AtomicLong();

        void add(long size) {
            count.incrementAndGet();
            largest.accumulateAndGet(size, Math::max);
        }

        long count() {
            return count.get();
        }

        long largest() {
            return largest.get();
        }
    }
}
