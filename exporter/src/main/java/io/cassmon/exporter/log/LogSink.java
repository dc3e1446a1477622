package io.cassmon.exporter.log;

/** Where log lines go. */
public interface LogSink {
    enum Level { ERROR, WARN, INFO, DEBUG }

    /** Must never throw. */
    void log(Level level, String message, Throwable cause);
}
