package io.cassmon.exporter.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.cassmon.exporter.cassandra.CatalogConfig;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.log.LogSink;
import io.cassmon.exporter.registry.MechanicalNaming;
import io.cassmon.exporter.registry.RegistryIndex;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryCollectorTest {
    private final MetricRegistry registry = new MetricRegistry();
    private final List<String> logged = new ArrayList<>();

    private final CollectorRegistry prometheus = new CollectorRegistry();

    @BeforeEach
    void followRegistry() {
        Log.useSink((LogSink.Level level, String message, Throwable cause) -> logged.add(level + " " + message));
        RegistryIndex index = new RegistryIndex(new MechanicalNaming());
        index.follow(registry);
        prometheus.register(new RegistryCollector(() -> Collections.singletonList(index), CatalogConfig.defaultBuckets()));
    }

    @Test
    void rendersEveryKindMechanically() throws Exception {
        registry.counter("jobs.queued").inc(3);
        registry.meter("requests").mark(5);
        Timer timer = registry.timer("db.query-time");
        timer.update(2, TimeUnit.MILLISECONDS);
        registry.histogram("org.apache.cassandra.metrics.Table.SSTablesPerReadHistogram.ks.t1").update(4);
        registry.register("up", (Gauge<Boolean>) () -> true);
        registry.register("9lives", (Gauge<Long>) () -> 9L);

        assertEquals(String.join("\n",
                "# HELP _9lives Dropwizard gauge 9lives",
                "# TYPE _9lives gauge",
                "_9lives 9.0",
                "# HELP cassandra_table_ss_tables_per_read_histogram_ks_t1 Dropwizard histogram org.apache.cassandra.metrics.Table.SSTablesPerReadHistogram.ks.t1",
                "# TYPE cassandra_table_ss_tables_per_read_histogram_ks_t1 summary",
                "cassandra_table_ss_tables_per_read_histogram_ks_t1{quantile=\"0.5\",} 4.0",
                "cassandra_table_ss_tables_per_read_histogram_ks_t1{quantile=\"0.75\",} 4.0",
                "cassandra_table_ss_tables_per_read_histogram_ks_t1{quantile=\"0.95\",} 4.0",
                "cassandra_table_ss_tables_per_read_histogram_ks_t1{quantile=\"0.98\",} 4.0",
                "cassandra_table_ss_tables_per_read_histogram_ks_t1{quantile=\"0.99\",} 4.0",
                "cassandra_table_ss_tables_per_read_histogram_ks_t1{quantile=\"0.999\",} 4.0",
                "cassandra_table_ss_tables_per_read_histogram_ks_t1_count 1.0",
                "# HELP db_query_time_seconds Dropwizard timer db.query-time (seconds)",
                "# TYPE db_query_time_seconds summary",
                "db_query_time_seconds{quantile=\"0.5\",} 0.002",
                "db_query_time_seconds{quantile=\"0.75\",} 0.002",
                "db_query_time_seconds{quantile=\"0.95\",} 0.002",
                "db_query_time_seconds{quantile=\"0.98\",} 0.002",
                "db_query_time_seconds{quantile=\"0.99\",} 0.002",
                "db_query_time_seconds{quantile=\"0.999\",} 0.002",
                "db_query_time_seconds_count 1.0",
                "# HELP jobs_queued Dropwizard counter jobs.queued",
                "# TYPE jobs_queued gauge",
                "jobs_queued 3.0",
                "# HELP requests_total Dropwizard meter requests",
                "# TYPE requests_total counter",
                "requests_total 5.0",
                "# HELP up Dropwizard gauge up",
                "# TYPE up gauge",
                "up 1.0",
                ""), registryFamilies(scrape()));
    }

    @Test
    void everyRegistryMetricBecomesAFamily() throws Exception {
        for (int i = 0; i < 50; i++) {
            registry.counter("org.apache.cassandra.metrics.Table.Counter" + i + ".ks.t" + i);
            registry.timer("org.apache.cassandra.metrics.Table.Timer" + i + ".ks.t" + i).update(1, TimeUnit.SECONDS);
        }
        String text = scrape();
        long families = text.lines().filter(l -> l.startsWith("# TYPE ") && !l.startsWith("# TYPE cassmon_")).count();
        assertEquals(registry.getMetrics().size(), families);
        assertTrue(text.contains("cassmon_registry_metrics{state=\"exported\",} 100.0"), text);
    }

    @Test
    void aGaugeThatThrowsIsSkippedCountedAndLoggedOnce() throws Exception {
        registry.register("broken", (Gauge<Long>) () -> {
            throw new IllegalStateException("Unable to compute when histogram overflowed");
        });
        registry.counter("healthy").inc();

        String first = scrape();
        String second = scrape();

        assertTrue(second.contains("healthy 1.0"), second);
        assertFalse(second.contains("broken"), second);
        assertTrue(first.contains("cassmon_collection_errors_total 1.0"), first);
        assertTrue(second.contains("cassmon_scrape_failed_metrics 1.0"), second);
        assertTrue(second.contains("cassmon_collection_errors_total 2.0"), second);
        assertEquals(Collections.singletonList("WARN cassmon: skipped metric broken in this scrape, reading it threw"
                + " java.lang.IllegalStateException: Unable to compute when histogram overflowed"
                + " (logged once per metric; counted in cassmon_collection_errors_total)"), warnings());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absorbedErrors")
    void aGaugeThatThrowsAnErrorIsSkippedToo(Error error) throws Exception {
        registry.register("broken", (Gauge<Long>) () -> {
            throw error;
        });
        registry.counter("healthy").inc();

        String text = scrape();

        assertTrue(text.contains("healthy 1.0"), text);
        assertFalse(text.contains("broken"), text);
        assertTrue(text.contains("cassmon_scrape_failed_metrics 1.0"), text);
        assertEquals(1, warnings().size(), logged.toString());
    }

    static Stream<Error> absorbedErrors() {
        return Stream.of(new AssertionError("Cassandra runs with -ea"), new StackOverflowError(),
                new NoClassDefFoundError("org/apache/cassandra/Missing"));
    }

    @Test
    void anOutOfMemoryErrorFailsTheScrapeInsteadOfAllocatingOn() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        registry.register("huge", (Gauge<Long>) () -> {
            throw oom;
        });
        assertSame(oom, assertThrows(OutOfMemoryError.class, this::scrape));
    }

    @Test
    void anExceptionWhoseMessageThrowsIsStillReported() throws Exception {
        registry.register("broken", (Gauge<Long>) () -> {
            throw new IllegalStateException() {
                @Override
                public String getMessage() {
                    throw new UnsupportedOperationException("no message");
                }
            };
        });
        String text = scrape();
        assertTrue(text.contains("cassmon_scrape_failed_metrics 1.0"), text);
        assertEquals(List.of("WARN cassmon: skipped metric broken in this scrape, reading it threw"
                + " io.cassmon.exporter.mapping.RegistryCollectorTest$1 (whose message threw"
                + " java.lang.UnsupportedOperationException) (logged once per metric; counted in"
                + " cassmon_collection_errors_total)"), warnings());
    }

    @Test
    void nonNumericGaugesAreLeftOutWithADebugLine() throws Exception {
        registry.register("version", (Gauge<String>) () -> "5.0.9");
        scrape();
        String text = scrape();
        assertFalse(text.contains("version "), text);
        assertTrue(text.contains("cassmon_scrape_non_numeric_gauges 1.0"), text);
        assertEquals(Collections.singletonList("DEBUG cassmon: not exporting gauge version: its value is not a number"
                + " (java.lang.String)"), logged);
    }

    @Test
    void removedMetricsDisappear() throws Exception {
        registry.counter("org.apache.cassandra.metrics.Table.WriteLatency.ks.dropped").inc();
        assertTrue(scrape().contains("cassandra_table_write_latency_ks_dropped 1.0"));
        registry.remove("org.apache.cassandra.metrics.Table.WriteLatency.ks.dropped");
        assertFalse(scrape().contains("ks_dropped"));
    }

    @Test
    void collidingNamesAreReportedNotDuplicated() throws Exception {
        registry.counter("a.b").inc();
        registry.counter("a-b").inc(2);
        String text = scrape();
        assertEquals(1, text.lines().filter(l -> l.startsWith("a_b ")).count(), text);
        assertTrue(text.contains("cassmon_registry_metrics{state=\"conflicting\",} 1.0"), text);
        assertEquals(1, warnings().size(), logged.toString());
        assertTrue(warnings().get(0).startsWith("WARN cassmon: not exporting Dropwizard metric a"), warnings().get(0));
    }

    private List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (String line : logged) {
            if (line.startsWith("WARN")) {
                warnings.add(line);
            }
        }
        return warnings;
    }

    private String scrape() throws Exception {
        StringWriter out = new StringWriter();
        TextFormat.write004(out, prometheus.metricFamilySamples());
        return out.toString();
    }

    /** The scrape without cassmon's self-metrics, families sorted by name for a stable golden text. */
    private static String registryFamilies(String text) {
        List<String> families = new ArrayList<>();
        for (String family : text.split("(?m)^(?=# HELP )")) {
            if (!family.startsWith("# HELP cassmon_")) {
                families.add(family);
            }
        }
        Collections.sort(families);
        return String.join("", families);
    }
}
