package io.cassmon.agent.partitions;

import net.bytebuddy.asm.Advice;

/** Advice inlined into Cassandra's SSTable writers; each delegates at once and suppresses every Throwable. */
final class WriterAdvice {
    private WriterAdvice() {
    }

    /** 3.11 to 4.1: {@code BigTableWriter.maybeLogLargePartitionWarning(DecoratedKey, long)}, every partition. */
    static final class BigTableWriter {
        private BigTableWriter() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object writer, @Advice.Argument(1) long size) {
            LargePartitions.written(writer, null, size);
        }
    }

    /** 5.0: {@code SortedTableWriter.guardPartitionThreshold(Threshold, DecoratedKey, long)}, twice per partition. */
    static final class SortedTableWriter {
        private SortedTableWriter() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object writer, @Advice.Argument(0) Object guardrail,
                          @Advice.Argument(2) long size) {
            LargePartitions.written(writer, guardrail, size);
        }
    }
}
