package io.cassmon.exporter.jvm;

import io.prometheus.client.Collector;
import io.prometheus.client.hotspot.ThreadExports;
import java.util.List;

/**
 * simpleclient_hotspot's thread families ({@code jvm_threads_current}, {@code _daemon}, {@code _peak},
 * {@code _started_total}, {@code _state}) without {@code jvm_threads_deadlocked} and
 * {@code jvm_threads_deadlocked_monitor}: each read of those stops every Cassandra thread at a safepoint
 * ("FindDeadlocks", two a scrape; measured on Cassandra 5.0.9 with 200 tables: median 60 µs, p99 0.7 ms, up to
 * 3 ms), for a count that is zero on any node still serving.
 */
final class ThreadCounts extends Collector {
    private static final String DEADLOCKED = "jvm_threads_deadlocked";

    private final ThreadExports threads = new ThreadExports();

    @Override
    public List<MetricFamilySamples> collect() {
        return threads.collect(name -> !name.startsWith(DEADLOCKED));
    }
}
