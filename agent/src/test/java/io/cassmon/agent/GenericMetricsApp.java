package io.cassmon.agent;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.TimeUnit;

/**
 * A plain metrics-core application with no Cassandra in sight, run in a forked JVM by {@link GenericModeIT}.
 * Prints its registry size, then lives until stdin closes (bounded to 120 s).
 */
public final class GenericMetricsApp {
    private GenericMetricsApp() {
    }

    public static void main(String[] args) throws Exception {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("jobs.queued").inc(3);
        registry.meter("http.requests").mark(42);
        registry.timer("db.query-time").update(2, TimeUnit.MILLISECONDS);
        registry.histogram("payload.bytes").update(512);
        registry.register("pool.active", (Gauge<Integer>) () -> 4);
        registry.register("build.name", (Gauge<String>) () -> "not a number");
        registry.register("cache.broken", (Gauge<Long>) () -> {
            throw new IllegalStateException("cache closed");
        });
        System.out.println("registry size " + registry.getMetrics().size());
        System.out.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && System.in.read() >= 0) {
            // Wait for the test to close stdin.
        }
    }
}
