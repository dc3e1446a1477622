package io.cassmon.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Scrapes {@code /metrics} at a fixed period on a thread of its own until closed, checking every answer: it must
 * come (HTTP 200) and repeat no series, {@code # TYPE} or {@code # HELP}. A slow scrape delays the next one; scrapes
 * never overlap. For the schema churn and soak tests.
 */
final class PeriodicScraper implements AutoCloseable {
    private static final int KEPT = 20;

    /** One successful scrape: when it was sent and answered (System.nanoTime) and its text. */
    record Scrape(long startNanos, long endNanos, String text) {
    }

    private final String url;
    private final long periodNanos;
    private final Consumer<Scrape> inspector;
    private final Thread thread;
    private final long begin = System.nanoTime();
    private final List<Double> millis = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> duplicates = new CopyOnWriteArrayList<>();
    private volatile int failed;
    private volatile boolean stop;

    /** Starts scraping {@code url} every {@code period}; {@code inspector} sees every successful scrape. */
    PeriodicScraper(String url, Duration period, Consumer<Scrape> inspector) {
        this.url = url;
        this.periodNanos = period.toNanos();
        this.inspector = inspector;
        this.thread = new Thread(this::run, "periodic-scraper");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long next = System.nanoTime();
        while (!stop) {
            long start = System.nanoTime();
            try {
                String text = Exposition.scrape(url);
                long end = System.nanoTime();
                millis.add((end - start) / 1e6);
                List<String> twice = Exposition.duplicates(text);
                if (!twice.isEmpty() && duplicates.size() < KEPT) {
                    duplicates.add(at(start) + twice);
                }
                inspector.accept(new Scrape(start, end, text));
            } catch (Exception e) {
                failed++;
                if (failures.size() < KEPT) {
                    failures.add(at(start) + e);
                }
            }
            next = Math.max(next + periodNanos, System.nanoTime());
            try {
                TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String at(long nanos) {
        return String.format("at +%.1f s: ", (nanos - begin) / 1e9);
    }

    /**
     * Stops after the scrape in flight (not interrupted: that would count as a failed scrape), waiting at most the
     * scrape's own 60 s timeout plus a period.
     */
    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(TimeUnit.SECONDS.toMillis(60) + TimeUnit.NANOSECONDS.toMillis(periodNanos) + 1000);
    }

    int scrapes() {
        return millis.size();
    }

    int failed() {
        return failed;
    }

    /** The first failures, with when they happened. */
    List<String> failures() {
        return failures;
    }

    /** The first scrapes that repeated something, with what. */
    List<String> duplicates() {
        return duplicates;
    }

    /** "n scrapes, median x ms, p99 y ms, max z ms". */
    String durations() {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no scrapes";
        }
        return String.format("%d scrapes, median %.1f ms, p99 %.1f ms, max %.1f ms", sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.get(sorted.size() - 1));
    }
}
