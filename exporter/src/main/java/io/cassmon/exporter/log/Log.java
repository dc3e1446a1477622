package io.cassmon.exporter.log;

import io.cassmon.exporter.guard.Fatal;
import java.util.Objects;

/**
 * The agent's only way to log. Goes through the host's SLF4J (Cassandra's logback) when the host has it,
 * otherwise to stderr, so an operator finds cassmon's lines where they find Cassandra's. Never throws (but
 * {@link Fatal} errors): it is called from the agent's catch blocks on Cassandra's threads.
 */
public final class Log {
    private static volatile LogSink sink;

    private Log() {
    }

    public static void error(String message) {
        log(LogSink.Level.ERROR, message, null);
    }

    public static void error(String message, Throwable cause) {
        log(LogSink.Level.ERROR, message, cause);
    }

    public static void warn(String message) {
        log(LogSink.Level.WARN, message, null);
    }

    public static void info(String message) {
        log(LogSink.Level.INFO, message, null);
    }

    public static void debug(String message) {
        log(LogSink.Level.DEBUG, message, null);
    }

    /** Replaces the sink; for tests that assert what the agent logs. */
    public static void useSink(LogSink replacement) {
        sink = Objects.requireNonNull(replacement);
    }

    private static void log(LogSink.Level level, String message, Throwable cause) {
        try {
            sink().log(level, message, cause);
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            // A sink broke its contract; there is nowhere left to say so.
        }
    }

    private static LogSink sink() {
        LogSink current = sink;
        if (current == null) {
            current = Slf4jSink.create();
            if (current == null) {
                current = new StderrSink();
            }
            sink = current;
        }
        return current;
    }
}
