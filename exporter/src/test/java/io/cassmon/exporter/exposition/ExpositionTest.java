package io.cassmon.exporter.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.cassmon.exporter.cassandra.CatalogConfig;
import io.cassmon.exporter.histogram.BucketFamily;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.mapping.RegistryCollector;
import io.cassmon.exporter.registry.MetricId;
import io.cassmon.exporter.registry.MetricKind;
import io.cassmon.exporter.registry.RegistryIndex;
import io.cassmon.exporter.registry.Rendering;
import io.cassmon.exporter.registry.Shape;
import io.cassmon.exporter.jvm.JvmCollectors;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Enumeration;
import io.prometheus.client.Info;
import io.prometheus.client.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The text /metrics writes directly is, byte for byte, what simpleclient's TextFormat writes for the same samples:
 * every shape, both formats, labels that need escaping and UTF-8, common labels, a metric that throws mid-series.
 */
class ExpositionTest {
    private static final CommonLabels TOPOLOGY = Expositions.TOPOLOGY;

    private final MetricRegistry registry = new MetricRegistry();
    private RegistryCollector collector;

    @BeforeEach
    void registry() {
        Log.useSink((level, message, cause) -> { });
        RegistryIndex index = new RegistryIndex(ExpositionTest::name);
        index.follow(registry);
        collector = new RegistryCollector(() -> Collections.singletonList(index), CatalogConfig.defaultBuckets());

        registry.counter("gauge.plain").inc(42);
        registry.register("gauge.fraction", (Gauge<Double>) () -> -0.125);
        registry.register("gauge.huge", (Gauge<Long>) () -> 123_456_789_012L);
        registry.register("gauge.special", (Gauge<Double>) () -> Double.NaN);
        registry.register("gauge.text", (Gauge<String>) () -> "not a number");
        registry.meter("counter.meter").mark(12_345_678);
        registry.histogram("summary.plain").update(7);
        Timer latency = registry.register("histogram.latency",
                new Timer(new DecayingEstimatedHistogramReservoir(127, false, 1000)));
        latency.update(3, TimeUnit.MILLISECONDS);
        latency.update(300, TimeUnit.MILLISECONDS);
        registry.counter("histogram.latency.sum").inc(303_000);
        DecayingEstimatedHistogramReservoir overflowed = new DecayingEstimatedHistogramReservoir(164, false, 1);
        overflowed.overflow(2);
        registry.register("histogram.overflowed", new Histogram(overflowed));
        long[] sizes = new long[151];
        sizes[20] = 3;
        sizes[90] = 1;
        registry.register("gaugehistogram.sizes", (Gauge<long[]>) () -> sizes);
        registry.register("gaugehistogram.empty", (Gauge<long[]>) () -> new long[0]);
        registry.register("gaugehistogram.broken", (Gauge<long[]>) () -> {
            throw new IllegalStateException("table dropped");
        });
        Timer bare = registry.register("bare.latency", new Timer(new DecayingEstimatedHistogramReservoir(127, false, 1)));
        bare.update(5, TimeUnit.MILLISECONDS);
        registry.counter("bare.latency.sum").inc(5_000);
    }

    /** Each metric's family is its name's first part; its labels carry text that needs escaping. */
    private static MetricId name(String dropwizardName, MetricKind kind) {
        String[] parts = dropwizardName.split("\\.", 2);
        if (parts[0].equals("bare")) {
            // A histogram without labels of its own: the quantile-free line start is just its name.
            return dropwizardName.endsWith(".sum") ? null : new MetricId("test_bare_seconds", "No labels.",
                    Collections.emptyList(), Collections.emptyList(), new Rendering(Shape.HISTOGRAM, 1e-6,
                            BucketFamily.LATENCY, dropwizardName + ".sum", 1e-6));
        }
        List<String> labelNames = Arrays.asList("name", "note");
        List<String> labelValues = Arrays.asList(parts[1], "quote \" backslash \\ newline \n café 日本 \uD83D\uDE00");
        switch (parts[0]) {
            case "counter":
                return new MetricId("test_counter", "A counter.", labelNames, labelValues, Rendering.of(Shape.COUNTER));
            case "summary":
                return new MetricId("test_summary", "A summary.", labelNames, labelValues, Rendering.of(Shape.SUMMARY));
            case "histogram":
                if (dropwizardName.endsWith(".sum")) {
                    return null;
                }
                return new MetricId("test_latency_seconds", "A histogram\\ with\nhelp to \"escape\".", labelNames,
                        labelValues, new Rendering(Shape.HISTOGRAM, 1e-6, BucketFamily.LATENCY,
                                dropwizardName + ".sum", 1e-6));
            case "gaugehistogram":
                return new MetricId("test_size_bytes", "A gauge histogram.", labelNames, labelValues,
                        new Rendering(Shape.GAUGE_HISTOGRAM, 1, BucketFamily.SIZE, null, 1));
            default:
                return new MetricId("test_gauge", "A gauge.", labelNames, labelValues, Rendering.of(Shape.GAUGE));
        }
    }

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void writesWhatSimpleclientWrites(ExpositionFormat format) {
        String direct = Expositions.direct(collector, format, CommonLabels.NONE);
        assertEquals(Expositions.withoutScrapeTotals(Expositions.simpleclient(collector, format, CommonLabels.NONE)),
                Expositions.withoutScrapeTotals(direct));
        assertTrue(direct.contains("test_size_bytes"), direct);
        assertTrue(direct.contains("test_latency_seconds_sum"), direct);
    }

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void writesCommonLabelsAsSimpleclientSamplesWithThemAppended(ExpositionFormat format) {
        String direct = Expositions.direct(collector, format, TOPOLOGY);
        assertEquals(Expositions.withoutScrapeTotals(Expositions.simpleclient(collector, format, TOPOLOGY)),
                Expositions.withoutScrapeTotals(direct));
        // The second scrape writes the unchanged histograms from the text the first one kept.
        assertEquals(Expositions.withoutScrapeTotals(direct),
                Expositions.withoutScrapeTotals(Expositions.direct(collector, format, TOPOLOGY)));
        assertTrue(direct.contains("cluster=\"Test \\\"cluster\\\"\""), direct);
        assertTrue(direct.contains("test_bare_seconds_bucket{le=\"+Inf\""), direct);
    }

    /**
     * The families of simpleclient collectors (the JVM's, every kind of simpleclient metric and a gauge histogram,
     * whose samples include {@code _created}, {@code _gcount}, {@code _gsum} and {@code _info}) go through the same
     * sink as the registry's.
     */
    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void writesSimpleclientCollectorsAsTextFormatDoes(ExpositionFormat format) throws IOException {
        CollectorRegistry live = new CollectorRegistry();
        JvmCollectors.register(live, new ScrapeErrors());
        Counter.build("test_requests_total", "Requests.").labelNames("path").register(live).labels("/a\"b").inc();
        Summary.build("test_summary_seconds", "A summary.").quantile(0.5, 0.01).register(live).observe(2);
        io.prometheus.client.Histogram.build("test_histogram_seconds", "A histogram.").register(live).observe(0.3);
        Info.build("test_build", "Build.").register(live).info("version", "1.0");
        Enumeration.build("test_state", "State.").states("up", "down").register(live).state("up");
        // Collected once, so both writers see the same values.
        List<MetricFamilySamples> families = new java.util.ArrayList<>(Collections.list(live.metricFamilySamples()));
        families.add(new MetricFamilySamples("test_queue_bytes", Collector.Type.GAUGE_HISTOGRAM, "A gauge histogram.",
                Arrays.asList(
                        new MetricFamilySamples.Sample("test_queue_bytes_bucket", Arrays.asList("le"),
                                Arrays.asList("+Inf"), 3),
                        new MetricFamilySamples.Sample("test_queue_bytes_gcount", Collections.emptyList(),
                                Collections.emptyList(), 3),
                        new MetricFamilySamples.Sample("test_queue_bytes_gsum", Collections.emptyList(),
                                Collections.emptyList(), 42))));
        Collector frozen = new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return families;
            }
        };
        SampleSource source = sink -> {
            for (MetricFamilySamples family : frozen.collect()) {
                sink.family(family);
            }
        };
        CollectorRegistry collectors = new CollectorRegistry();
        collectors.register(frozen);
        ExpositionBuffer out = new ExpositionBuffer(16);
        new Exposition(Collections.<SampleSource>emptyList(), collectors, TOPOLOGY).write(format, out);
        String direct = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(Expositions.simpleclient(source, format, TOPOLOGY), direct);
        assertTrue(direct.contains("jvm_memory_bytes_used{area=\"heap\",cluster="), direct);
        assertTrue(direct.contains("test_requests_created"), direct);
        assertTrue(direct.contains("test_queue_bytes_gsum"), direct);
    }
}
