package io.cassmon.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on stderr, so stdout carries only the results. */
final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {
    }

    static void line(String format, Object... args) {
        System.err.println("[" + LocalTime.now().format(TIME) + "] " + String.format(format, args));
    }
}
