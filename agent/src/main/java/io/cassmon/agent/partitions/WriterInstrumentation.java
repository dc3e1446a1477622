package io.cassmon.agent.partitions;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.cassmon.exporter.log.Log;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the large-partition advice with Byte Buddy, from the agent thread once Cassandra has finished starting
 * (never in premain, nor during startup: AgentBuilder costs ~0.5 s of CPU plus ~2 s of JIT compilation). Writers
 * already loaded are retransformed. A Cassandra version with neither method gets one log line and no counting.
 */
public final class WriterInstrumentation {
    static final String BIG_TABLE_WRITER = "org.apache.cassandra.io.sstable.format.big.BigTableWriter";
    static final String SORTED_TABLE_WRITER = "org.apache.cassandra.io.sstable.format.SortedTableWriter";
    static final String LEGACY_METHOD = "maybeLogLargePartitionWarning";
    static final String GUARDRAIL_METHOD = "guardPartitionThreshold";

    private WriterInstrumentation() {
    }

    public static void install(Instrumentation instrumentation, ClassLoader cassandra) {
        if (!declares(cassandra, BIG_TABLE_WRITER, LEGACY_METHOD) && !declares(cassandra, SORTED_TABLE_WRITER, GUARDRAIL_METHOD)) {
            Log.warn("cassmon: this Cassandra version has neither " + BIG_TABLE_WRITER + "." + LEGACY_METHOD
                    + " nor " + SORTED_TABLE_WRITER + "." + GUARDRAIL_METHOD
                    + "; cassandra_table_large_partitions_written_total stays at 0");
            return;
        }
        try {
            installAdvice(instrumentation);
        } catch (RuntimeException | LinkageError e) {
            Log.error("cassmon: large-partition counting unavailable, the rest of the agent goes on", e);
        }
    }

    private static void installAdvice(Instrumentation instrumentation) {
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onError(String type, ClassLoader loader, JavaModule module, boolean loaded, Throwable e) {
                        Log.error("cassmon: cannot instrument " + type + " for large partitions; Cassandra goes on", e);
                    }
                })
                .type(named(BIG_TABLE_WRITER))
                .transform((builder, type, loader, module, domain) -> builder.visit(
                        Advice.to(WriterAdvice.BigTableWriter.class)
                                .on(named(LEGACY_METHOD).and(takesArguments(2)).and(takesArgument(1, long.class)))))
                .type(named(SORTED_TABLE_WRITER))
                .transform((builder, type, loader, module, domain) -> builder.visit(
                        Advice.to(WriterAdvice.SortedTableWriter.class)
                                .on(named(GUARDRAIL_METHOD).and(takesArguments(3)).and(takesArgument(2, long.class)))))
                .installOn(instrumentation);
    }

    /** Looks without initialising the class: loading it is harmless, running its static init is not ours to do. */
    private static boolean declares(ClassLoader loader, String className, String method) {
        try {
            for (Method declared : Class.forName(className, false, loader).getDeclaredMethods()) {
                if (declared.getName().equals(method)) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
