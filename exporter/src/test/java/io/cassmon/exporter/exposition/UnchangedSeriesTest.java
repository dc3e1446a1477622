package io.cassmon.exporter.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.cassmon.exporter.cassandra.CatalogConfig;
import io.cassmon.exporter.histogram.BucketFamily;
import io.cassmon.exporter.histogram.BucketLayout;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.mapping.RegistryCollector;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.cassmon.exporter.registry.MetricId;
import io.cassmon.exporter.registry.MetricKind;
import io.cassmon.exporter.registry.RegistryIndex;
import io.cassmon.exporter.registry.Rendering;
import io.cassmon.exporter.registry.Shape;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A series whose value (a histogram: count and sum) did not change since the last scrape is written from the text
 * kept then, and only then: each test compares with a collector that writes every series anew on every scrape.
 * Changing a reservoir's buckets behind its histogram's count (which Dropwizard never does) shows which one a scrape
 * wrote; {@code cassmon_scrape_reused_series} counts the series written from kept text.
 */
class UnchangedSeriesTest {
    private static final CommonLabels TOPOLOGY = Expositions.fixed(Arrays.asList("cluster", "dc"),
            Arrays.asList("Test", "dc1"));

    private final MetricRegistry registry = new MetricRegistry();
    private final DecayingEstimatedHistogramReservoir latencyBuckets =
            new DecayingEstimatedHistogramReservoir(127, false, 1000);
    private final DecayingEstimatedHistogramReservoir partialBuckets =
            new DecayingEstimatedHistogramReservoir(127, false, 1000);
    private final RegistryIndex index = new RegistryIndex(UnchangedSeriesTest::name);
    private final long[] partitionSizes = new long[150];
    private final AtomicLong pending = new AtomicLong(7);
    private Timer latency;
    private Counter latencySum;
    private Counter flushes;
    private RegistryCollector reusing;
    private RegistryCollector fresh;

    @BeforeEach
    void registry() {
        Log.useSink((level, message, cause) -> { });
        index.follow(registry);
        reusing = collector(CatalogConfig.defaultBuckets(), true);
        fresh = collector(CatalogConfig.defaultBuckets(), false);
        latency = registry.register("latency.reads", new Timer(latencyBuckets));
        latency.update(3, TimeUnit.MILLISECONDS);
        latencySum = registry.counter("latency.reads.sum");
        latencySum.inc(3_000);
        // Buckets ahead of the count, as while an update is counted and recorded by another thread.
        registry.register("partial.reads", new Histogram(partialBuckets));
        partialBuckets.overflow(2);
        registry.register("pending.tasks", (Gauge<Long>) pending::get);
        flushes = registry.counter("flushes.memtable");
        flushes.inc(3);
        partitionSizes[40] = 5;
        registry.register("partitionsize.table", (Gauge<long[]>) partitionSizes::clone);
    }

    private RegistryCollector collector(Map<BucketFamily, BucketLayout> buckets, boolean reuse) {
        return new RegistryCollector(() -> Collections.singletonList(index), buckets, new ScrapeErrors(), reuse);
    }

    private static MetricId name(String dropwizardName, MetricKind kind) {
        if (dropwizardName.endsWith(".sum")) {
            return null;
        }
        String[] parts = dropwizardName.split("\\.");
        List<String> labelNames = Collections.singletonList("op");
        List<String> labelValues = Collections.singletonList(parts[1]);
        switch (parts[0]) {
            case "pending":
                return new MetricId("test_pending", "A gauge.", labelNames, labelValues, Rendering.of(Shape.GAUGE));
            case "flushes":
                return new MetricId("test_flushes", "A counter.", labelNames, labelValues, Rendering.of(Shape.COUNTER));
            case "partitionsize":
                return new MetricId("test_partition_size_bytes", "A gauge histogram.", labelNames, labelValues,
                        new Rendering(Shape.GAUGE_HISTOGRAM, 1, BucketFamily.SIZE, null, 1));
            default:
                return new MetricId("test_" + parts[0] + "_seconds", "A histogram.", labelNames, labelValues,
                        new Rendering(Shape.HISTOGRAM, 1e-6, BucketFamily.LATENCY, dropwizardName + ".sum", 1e-6));
        }
    }

    private static String scrape(RegistryCollector collector, ExpositionFormat format, CommonLabels common) {
        return Expositions.direct(collector, format, common);
    }

    /** The text without the self-metrics that differ between two scrapes of the same samples. */
    private static String samples(String text) {
        return Expositions.withoutScrapeTotals(text);
    }

    private static double reusedSeries(String text) {
        Matcher line = Pattern.compile("(?m)^cassmon_scrape_reused_series (\\S+)$").matcher(text);
        assertTrue(line.find(), text);
        return Double.parseDouble(line.group(1));
    }

    /** The {@code _count} of {@code family}'s series in {@code text}, in either format. */
    private static double count(String text, String family) {
        Matcher line = Pattern.compile("(?m)^" + family + "_seconds_count\\{op=\"reads\",?} (\\S+)$").matcher(text);
        assertTrue(line.find(), text);
        return Double.parseDouble(line.group(1));
    }

    private void assertSameAsFresh(ExpositionFormat format, CommonLabels common) {
        assertEquals(samples(scrape(fresh, format, common)),
                samples(scrape(reusing, format, common)));
    }

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void unchangedHistogramIsCopiedFromTheLastScrape(ExpositionFormat format) {
        String first = scrape(reusing, format, CommonLabels.NONE);
        assertEquals(samples(scrape(fresh, format, CommonLabels.NONE)), samples(first));
        assertEquals(1, count(first, "test_latency"), first);
        assertEquals(0, reusedSeries(first));

        latencyBuckets.overflow(1);

        String second = scrape(reusing, format, CommonLabels.NONE);
        assertEquals(samples(first), samples(second));
        assertNotEquals(samples(first), samples(scrape(fresh, format, CommonLabels.NONE)));
        // The latency histogram, the gauge, the counter and (in OpenMetrics; 0.0.4 writes its _gcount apart) the
        // gauge histogram; not the histogram whose buckets did not add up to its count.
        assertEquals(format == ExpositionFormat.OPENMETRICS ? 4 : 3, reusedSeries(second), second);
    }

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void changedGaugesCountersAndGaugeHistogramsAreWrittenAnew(ExpositionFormat format) {
        String first = scrape(reusing, format, CommonLabels.NONE);
        pending.set(8);
        flushes.inc();
        partitionSizes[41] = 1;
        assertSameAsFresh(format, CommonLabels.NONE);
        String second = scrape(reusing, format, CommonLabels.NONE);
        assertTrue(Pattern.compile("(?m)^test_pending\\{op=\"tasks\",?} 8\\.0$").matcher(second).find(), second);
        assertNotEquals(samples(first), samples(second));
    }

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void aCountedUpdateOrANewSumIsWrittenAnew(ExpositionFormat format) {
        String first = scrape(reusing, format, CommonLabels.NONE);
        latency.update(300, TimeUnit.MILLISECONDS);
        assertSameAsFresh(format, CommonLabels.NONE);
        assertEquals(2, count(scrape(reusing, format, CommonLabels.NONE), "test_latency"));

        latencySum.inc(300_000);
        assertSameAsFresh(format, CommonLabels.NONE);
        assertNotEquals(samples(first), samples(scrape(reusing, format, CommonLabels.NONE)));
    }

    /** Cassandra registers a latency timer before its sum counter; a scrape may come between the two. */
    @Test
    void aSumCounterRegisteredAfterItsHistogramIsWritten() {
        registry.register("latency.writes", new Timer(new DecayingEstimatedHistogramReservoir(127, false, 1000)));
        String before = scrape(reusing, ExpositionFormat.TEXT_004, CommonLabels.NONE);
        assertFalse(before.contains("test_latency_seconds_sum{op=\"writes\""), before);
        registry.counter("latency.writes.sum");
        String after = scrape(reusing, ExpositionFormat.TEXT_004, CommonLabels.NONE);
        assertTrue(after.contains("test_latency_seconds_sum{op=\"writes\",} 0.0"), after);
    }

    /** Buckets that do not add up to the count read before them may be missing an update: nothing is kept. */
    @Test
    void bucketsThatDoNotAddUpToTheCountAreReadAgain() {
        String first = scrape(reusing, ExpositionFormat.TEXT_004, CommonLabels.NONE);
        assertEquals(2, count(first, "test_partial"), first);
        partialBuckets.overflow(1);
        assertEquals(3, count(scrape(reusing, ExpositionFormat.TEXT_004, CommonLabels.NONE), "test_partial"));
    }

    @Test
    void eachFormatAndCommonLabelsGetTheirOwnText() {
        for (int round = 0; round < 2; round++) {
            for (ExpositionFormat format : ExpositionFormat.values()) {
                assertSameAsFresh(format, CommonLabels.NONE);
            }
            for (ExpositionFormat format : ExpositionFormat.values()) {
                assertSameAsFresh(format, TOPOLOGY);
                assertSameAsFresh(format, CommonLabels.NONE);
            }
        }
        assertTrue(scrape(reusing, ExpositionFormat.OPENMETRICS, TOPOLOGY)
                .contains("test_latency_seconds_count{op=\"reads\",cluster=\"Test\",dc=\"dc1\"} 1"));
    }

    @Test
    void collectorsWithOtherBucketsKeepTheirOwnText() {
        RegistryCollector fullBuckets = collector(full(), true);
        RegistryCollector fullBucketsFresh = collector(full(), false);
        for (int round = 0; round < 2; round++) {
            assertSameAsFresh(ExpositionFormat.TEXT_004, CommonLabels.NONE);
            assertEquals(samples(scrape(fullBucketsFresh, ExpositionFormat.TEXT_004, CommonLabels.NONE)),
                    samples(scrape(fullBuckets, ExpositionFormat.TEXT_004, CommonLabels.NONE)));
        }
    }

    private static Map<BucketFamily, BucketLayout> full() {
        Map<BucketFamily, BucketLayout> buckets = CatalogConfig.defaultBuckets();
        buckets.put(BucketFamily.LATENCY, BucketLayout.full());
        return buckets;
    }
}
