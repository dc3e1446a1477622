package io.cassmon.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes {@code /metrics} every second, as a Prometheus server would, on one thread, from {@link #start} until
 * {@link #stop}; no scrape starts at or after the deadline given to {@code start}.
 */
final class ScrapeSchedule implements AutoCloseable {
    private final Scraper scraper;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-scrape-schedule");
        t.setDaemon(true);
        return t;
    });
    private final List<Long> nanos = new ArrayList<>();
    private int failures;
    private ScheduledFuture<?> task;

    ScrapeSchedule(int port) {
        this.scraper = new Scraper(port, Duration.ofSeconds(10));
    }

    /** Scrapes now and then every second while before {@code deadlineNanos} ({@link System#nanoTime()}). */
    synchronized void start(long deadlineNanos) {
        if (task != null) {
            throw new IllegalStateException("already scraping");
        }
        nanos.clear();
        failures = 0;
        task = executor.scheduleAtFixedRate(() -> {
            if (System.nanoTime() >= deadlineNanos) {
                return;
            }
            try {
                long n = scraper.scrape().nanos();
                synchronized (this) {
                    nanos.add(n);
                }
            } catch (Exception e) {
                synchronized (this) {
                    failures++;
                }
                Log.line("scrape failed: %s", e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    /** Stops scraping, waits for a scrape under way, and returns what was scraped since {@link #start}. */
    Scrapes stop() throws InterruptedException {
        synchronized (this) {
            task.cancel(false);
            task = null;
        }
        try {
            // One thread: this runs after the scrape under way, if any, has finished.
            executor.submit(() -> { }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        synchronized (this) {
            return new Scrapes(nanos.stream().mapToLong(Long::longValue).sorted().toArray(), failures);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The latencies of successful scrapes, sorted, and the number that failed. */
    record Scrapes(long[] nanos, int failures) {
        static final Scrapes NONE = new Scrapes(new long[0], 0);

        int count() {
            return nanos.length;
        }

        double medianMillis() {
            return nanos.length == 0 ? Double.NaN : nanos[nanos.length / 2] / 1e6;
        }

        /** A table cell: {@code 15 (133.2 ms)}, failures added when any, {@code –} when none. */
        String cell() {
            if (nanos.length == 0 && failures == 0) {
                return "–";
            }
            return nanos.length + " (" + Report.ms(medianMillis()) + (failures == 0 ? "" : ", " + failures + " failed") + ")";
        }
    }
}
