package io.cassmon.agent.partitions;

import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into Cassandra's SSTable writers; each delegates at once. Instead of Byte Buddy's
 * {@code suppress = Throwable.class}, which would also swallow an OutOfMemoryError of the flush or compaction
 * thread, each catches inline: everything of the agent's (a LinkageError if {@link LargePartitions} cannot be
 * resolved, any exception) is dropped, the JVM's own errors go on to Cassandra as they would without the agent
 * (the rule of {@code io.cassmon.exporter.guard.Fatal}, written out here so the inlined code needs no class of the
 * agent's to handle a failure).
 */
final class WriterAdvice {
    private WriterAdvice() {
    }

    /** 3.11 to 4.1: {@code BigTableWriter.maybeLogLargePartitionWarning(DecoratedKey, long)}, every partition. */
    static final class BigTableWriter {
        private BigTableWriter() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object writer, @Advice.Argument(1) long size) {
            try {
                LargePartitions.written(writer, null, size);
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError) || t instanceof ThreadDeath) {
                    throw t;
                }
            }
        }
    }

    /** 5.0: {@code SortedTableWriter.guardPartitionThreshold(Threshold, DecoratedKey, long)}, twice per partition. */
    static final class SortedTableWriter {
        private SortedTableWriter() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object writer, @Advice.Argument(0) Object guardrail,
                          @Advice.Argument(2) long size) {
            try {
                LargePartitions.written(writer, guardrail, size);
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError) || t instanceof ThreadDeath) {
                    throw t;
                }
            }
        }
    }
}
