package io.cassmon.exporter.cassandra;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.cassmon.exporter.registry.Shape;
import java.util.concurrent.TimeUnit;
import org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir;

/**
 * A Dropwizard registry shaped like Cassandra 5.0's table metrics, for the JMH benchmarks: for each of N tables, one
 * metric per table row of cassmon's catalog (latency timers in microseconds with 127 buckets, per-read histograms
 * with 164, partition-size gauges of 156 buckets, gauges and counters), with values in them. Cassandra's reservoir
 * is the exporter tests' stand-in (same binary name and bucket layout, none of the decay). Lives in the catalog's
 * package to read its rows.
 */
public final class SyntheticCassandraRegistry {
    private static final String PREFIX = "org.apache.cassandra.metrics.";

    private SyntheticCassandraRegistry() {
    }

    public static MetricRegistry tables(String keyspace, int tables) {
        MetricRegistry registry = new MetricRegistry();
        for (int t = 1; t <= tables; t++) {
            String scope = keyspace + "." + String.format("t%04d", t);
            for (CatalogEntry entry : CassandraCatalog.ENTRIES) {
                if (entry.layout() == Layout.TABLE && "Table".equals(entry.type())) {
                    register(registry, entry, PREFIX + "Table." + entry.name() + "." + scope, t);
                }
            }
        }
        return registry;
    }

    private static void register(MetricRegistry registry, CatalogEntry entry, String name, int seed) {
        if (entry.name().endsWith("TotalLatency") || entry.shape() == Shape.COUNTER) {
            Counter counter = registry.counter(name);
            counter.inc(1000L + seed);
            return;
        }
        switch (entry.shape()) {
            case HISTOGRAM:
                if (entry.name().endsWith("Latency")) {
                    Timer timer = registry.register(name,
                            new Timer(new DecayingEstimatedHistogramReservoir(127, false, 1000)));
                    for (int i = 0; i < 50; i++) {
                        timer.update(50L + (seed * 37L + i * 911L) % 20_000, TimeUnit.MICROSECONDS);
                    }
                } else {
                    Histogram h = registry.register(name, new Histogram(new DecayingEstimatedHistogramReservoir(164,
                            entry.name().startsWith("SSTablesPer"), 1)));
                    for (int i = 0; i < 20; i++) {
                        h.update(1 + (seed + i) % 12);
                    }
                }
                return;
            case GAUGE_HISTOGRAM: {
                long[] buckets = new long[156];
                for (int i = 40; i < 60; i++) {
                    buckets[i] = seed % 7 + i;
                }
                registry.register(name, (Gauge<long[]>) () -> buckets.clone());
                return;
            }
            default: {
                long value = 4096L * seed;
                registry.register(name, (Gauge<Long>) () -> value);
            }
        }
    }
}
