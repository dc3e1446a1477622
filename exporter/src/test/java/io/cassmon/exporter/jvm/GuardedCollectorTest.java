package io.cassmon.exporter.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.log.LogSink;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.GaugeMetricFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedCollectorTest {
    private final List<String> logged = new ArrayList<>();
    private final ScrapeErrors errors = new ScrapeErrors();

    @Test
    void aCollectorThatThrowsIsLeftOutOfTheScrapeCountedAndLoggedOnce() {
        Log.useSink((LogSink.Level level, String message, Throwable cause) -> {
            if (level != LogSink.Level.DEBUG) {
                logged.add(level + " " + message);
            }
        });
        CollectorRegistry registry = new CollectorRegistry();
        FailsAfterRegistration failing = new FailsAfterRegistration();
        registry.register(new GuardedCollector(failing, errors));
        failing.broken = true;

        assertEquals(Collections.list(registry.metricFamilySamples()), List.of());
        assertEquals(Collections.list(registry.metricFamilySamples()), List.of());

        assertEquals(2, errors.total());
        assertEquals(List.of("WARN cassmon: skipped metric FailsAfterRegistration in this scrape, reading it threw"
                + " java.lang.IllegalStateException: no /proc here"
                + " (logged once per metric; counted in cassmon_collection_errors_total)"), logged);
    }

    @Test
    void itsFamiliesAreDeclaredSoACollisionIsRefusedAtRegistration() {
        CollectorRegistry registry = new CollectorRegistry();
        registry.register(new GuardedCollector(new FailsAfterRegistration(), errors));
        assertThrows(IllegalArgumentException.class,
                () -> registry.register(new GuardedCollector(new FailsAfterRegistration(), errors)));
    }

    private static final class FailsAfterRegistration extends Collector {
        volatile boolean broken;

        @Override
        public List<MetricFamilySamples> collect() {
            if (broken) {
                throw new IllegalStateException("no /proc here");
            }
            return List.of(new GaugeMetricFamily("process_open_fds", "Open file descriptors.", 12));
        }
    }
}
