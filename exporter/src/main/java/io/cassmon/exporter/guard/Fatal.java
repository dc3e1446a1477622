package io.cassmon.exporter.guard;

/**
 * The one rule for what the agent's catch blocks may absorb, on Cassandra's threads (registering or removing a
 * metric, writing an SSTable, delivering a GC notification) and on its own (reading a metric for a scrape).
 *
 * <p>Absorbed, logged and counted: everything the agent's code or a metric read can throw, exceptions,
 * {@link LinkageError}, {@link AssertionError} (Cassandra runs with {@code -ea}) and {@link StackOverflowError}:
 * unwinding to the catch pops exactly the frames the agent added, so the thread goes on as it would have without
 * the agent.
 *
 * <p>Fatal, rethrown: {@link OutOfMemoryError}, {@link InternalError}, {@link UnknownError} (every other
 * {@link VirtualMachineError}) and {@link ThreadDeath}. They describe the whole JVM or the thread, not the agent:
 * swallowing them on a Cassandra thread would hide a dying JVM from Cassandra's own policy (its
 * {@code JVMStabilityInspector} stops the node on an OutOfMemoryError), and in a scrape the failed scrape releases
 * its memory at once instead of allocating on. The one place that absorbs even these is {@code premain}: a
 * Throwable escaping it aborts the JVM before Cassandra starts.
 */
public final class Fatal {
    private Fatal() {
    }

    /** True for the Throwables no catch block of the agent may swallow. */
    public static boolean isFatal(Throwable t) {
        return t instanceof VirtualMachineError && !(t instanceof StackOverflowError) || t instanceof ThreadDeath;
    }

    /** Rethrows {@code t} if it is fatal; otherwise returns, and the caller absorbs it. */
    public static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
        if (t instanceof ThreadDeath) {
            throw (ThreadDeath) t;
        }
    }
}
