package io.cassmon.exporter.log;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Log is called from catch blocks on Cassandra's threads: a broken sink must not turn into an exception there. */
class LogTest {
    @Test
    void aSinkThatThrowsNeverReachesTheCaller() {
        Log.useSink((level, message, cause) -> {
            throw new IllegalStateException("the appender is closed");
        });
        Log.error("line", new RuntimeException());
        Log.warn("line");
        Log.info("line");
        Log.debug("line");
    }

    @Test
    void theJvmsOwnErrorsStillDo() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Log.useSink((level, message, cause) -> {
            throw oom;
        });
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Log.warn("line")));
    }
}
