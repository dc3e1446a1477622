package io.cassmon.agent.partitions;

/**
 * Stands in for Cassandra's SSTable writers in {@link WriterAdviceTest}: both instrumented methods, and the public
 * {@code descriptor} field LargePartitions reads. Refers to no other class of the tests, so it links in a class
 * loader that sees nothing but the JDK.
 */
public class FakeWriter {
    public Object descriptor;
    public int calls;

    /** 3.11 to 4.1: {@code BigTableWriter.maybeLogLargePartitionWarning(DecoratedKey, long)}. */
    public void maybeLogLargePartitionWarning(Object key, long size) {
        calls++;
    }

    /** 5.0: {@code SortedTableWriter.guardPartitionThreshold(Threshold, DecoratedKey, long)}. */
    public void guardPartitionThreshold(Object guardrail, Object key, long size) {
        calls++;
    }

    /** Cassandra's {@code Descriptor}: the table's names. */
    public static final class Descriptor {
        public final String ksname;
        public final String cfname;

        public Descriptor(String ksname, String cfname) {
            this.ksname = ksname;
            this.cfname = cfname;
        }
    }

    /** 5.0's {@code Threshold}: its name tells the partition-size guardrail from the tombstone one. */
    public static final class Guardrail {
        public final String name;

        public Guardrail(String name) {
            this.name = name;
        }
    }
}
