package io.cassmon.exporter.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cassmon.exporter.exposition.Exposition;
import io.cassmon.exporter.exposition.ExpositionBuffer;
import io.cassmon.exporter.exposition.ExpositionFormat;
import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.exposition.SampleSource;
import io.cassmon.exporter.exposition.SourceRegistry;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.log.LogSink;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.GaugeMetricFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    void aDirectWriterThatThrowsIsLeftOutOfTheScrapeAndCountedWhileTheOthersAreWritten() throws IOException {
        Log.useSink((LogSink.Level level, String message, Throwable cause) -> logged.add(level + " " + message));
        SourceRegistry registry = new SourceRegistry();
        WritesDirectly failing = new WritesDirectly();
        registry.register(new GuardedCollector(failing, errors));
        registry.register(new GuardedCollector(new FailsAfterRegistration(), errors));
        failing.broken = true;

        ExpositionBuffer out = new ExpositionBuffer(16);
        Exposition.of(registry).write(ExpositionFormat.TEXT_004, out);

        assertEquals("# HELP process_open_fds Open file descriptors.\n# TYPE process_open_fds gauge\n"
                + "process_open_fds 12.0\n", new String(out.toByteArray(), StandardCharsets.UTF_8));
        assertEquals(1, errors.total());
        assertEquals(List.of("WARN cassmon: skipped metric WritesDirectly in this scrape, reading it threw"
                + " java.lang.IllegalStateException: no /proc/stat here"
                + " (logged once per metric; counted in cassmon_collection_errors_total)"), logged);
    }

    @Test
    void itsFamiliesAreDeclaredSoACollisionIsRefusedAtRegistration() {
        CollectorRegistry registry = new CollectorRegistry();
        registry.register(new GuardedCollector(new FailsAfterRegistration(), errors));
        assertThrows(IllegalArgumentException.class,
                () -> registry.register(new GuardedCollector(new FailsAfterRegistration(), errors)));
    }

    /** Reads before it writes, as a direct writer must. */
    private static final class WritesDirectly extends Collector implements SampleSource, Collector.Describable {
        volatile boolean broken;

        @Override
        public void writeTo(SampleSink sink) {
            if (broken) {
                throw new IllegalStateException("no /proc/stat here");
            }
            OneSample.gauge(sink, "system_cpus", "Processors.", 2);
        }

        @Override
        public List<MetricFamilySamples> collect() {
            throw new AssertionError("collect() called instead of writeTo()");
        }

        @Override
        public List<MetricFamilySamples> describe() {
            return List.of(new GaugeMetricFamily("system_cpus", "Processors.", 0));
        }
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
