package io.cassmon.exporter.log;

import java.util.Objects;

/**
 * The agent's only way to log. Goes through the host's SLF4J (Cassandra's logback) when the host has it,
 * otherwise to stderr, so an operator finds cassmon's lines where they find Cassandra's.
 */
public final class Log {
    private static volatile LogSink sink;

    private Log() {
    }

    public static void error(String message) {
        sink().log(LogSink.Level.ERROR, message, null);
    }

    public static void error(String message, Throwable cause) {
        sink().log(LogSink.Level.ERROR, message, cause);
    }

    public static void warn(String message) {
        sink().log(LogSink.Level.WARN, message, null);
    }

    public static void info(String message) {
        sink().log(LogSink.Level.INFO, message, null);
    }

    public static void debug(String message) {
        sink().log(LogSink.Level.DEBUG, message, null);
    }

    /** Replaces the sink; for tests that assert what the agent logs. */
    public static void useSink(LogSink replacement) {
        sink = Objects.requireNonNull(replacement);
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
