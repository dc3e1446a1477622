package io.cassmon.bench;

/**
 * Bounds a benchmark run in time: after {@code cassmon.bench.timeout.minutes} (default {@code defaultMinutes}) the
 * JVM exits, and the harness's shutdown hook stops every node it started.
 */
final class Watchdog {
    private Watchdog() {
    }

    static void start(int defaultMinutes) {
        int minutes = Integer.getInteger("cassmon.bench.timeout.minutes", defaultMinutes);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(minutes * 60_000L);
                Log.line("Time limit of %d min reached (-Dcassmon.bench.timeout.minutes): stopping", minutes);
                System.exit(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
