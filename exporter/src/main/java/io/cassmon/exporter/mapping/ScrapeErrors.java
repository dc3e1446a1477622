package io.cassmon.exporter.mapping;

import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.log.Log;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts metrics that could not be read during a scrape, by any of the agent's collectors. Each metric is logged
 * once at WARN (then at DEBUG) so a metric that fails on every scrape cannot flood Cassandra's log.
 */
public final class ScrapeErrors {
    private static final int MAX_REMEMBERED = 10_000;

    private final AtomicLong total = new AtomicLong();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public long total() {
        return total.get();
    }

    /** {@code metric} (a Dropwizard name or a Prometheus family) was left out of this scrape because reading it threw. */
    public void failed(String metric, Throwable error) {
        total.incrementAndGet();
        if (firstTime(metric)) {
            Log.warn("cassmon: skipped metric " + metric + " in this scrape, reading it threw " + describe(error)
                    + " (logged once per metric; counted in cassmon_collection_errors_total)");
        } else {
            Log.debug("cassmon: skipped metric " + metric + " again: " + describe(error));
        }
    }

    /** The Throwable's own text, unless its getMessage or toString (the host's code) throws too. */
    static String describe(Throwable error) {
        try {
            return String.valueOf(error);
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            return error.getClass().getName() + " (whose message threw " + t.getClass().getName() + ")";
        }
    }

    void notNumeric(String metric, Object value) {
        if (firstTime("non-numeric " + metric)) {
            Log.debug("cassmon: not exporting gauge " + metric + ": its value is not a number ("
                    + (value == null ? "null" : value.getClass().getName()) + ")");
        }
    }

    private boolean firstTime(String key) {
        return logged.size() < MAX_REMEMBERED && logged.add(key);
    }
}
