package io.cassmon.exporter.log;

/** Fallback for hosts without SLF4J. Debug lines are dropped: stderr has no level filter. */
final class StderrSink implements LogSink {
    @Override
    public void log(Level level, String message, Throwable cause) {
        if (level == Level.DEBUG) {
            return;
        }
        System.err.println(level + " " + message);
        if (cause != null) {
            cause.printStackTrace();
        }
    }
}
