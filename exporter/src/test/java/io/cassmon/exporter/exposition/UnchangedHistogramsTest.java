package io.cassmon.exporter.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Counter;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A histogram whose count and sum did not change since the last scrape is written from the text kept then, and only
 * then: each test compares with a collector that reads and writes every histogram on every scrape. Changing the
 * reservoir's buckets behind the histogram's count (which Dropwizard never does) shows which one a scrape wrote.
 */
class UnchangedHistogramsTest {
    private static final CommonLabels TOPOLOGY = new CommonLabels() {
        @Override
        public List<String> names() {
            return Arrays.asList("cluster", "dc");
        }

        @Override
        public List<String> values() {
            return Arrays.asList("Test", "dc1");
        }
    };

    private final MetricRegistry registry = new MetricRegistry();
    private final DecayingEstimatedHistogramReservoir latencyBuckets =
            new DecayingEstimatedHistogramReservoir(127, false, 1000);
    private final DecayingEstimatedHistogramReservoir partialBuckets =
            new DecayingEstimatedHistogramReservoir(127, false, 1000);
    private final RegistryIndex index = new RegistryIndex(UnchangedHistogramsTest::name);
    private Timer latency;
    private Counter latencySum;
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
    }

    private RegistryCollector collector(Map<BucketFamily, BucketLayout> buckets, boolean reuse) {
        return new RegistryCollector(() -> Collections.singletonList(index), buckets, new ScrapeErrors(), reuse);
    }

    private static MetricId name(String dropwizardName, MetricKind kind) {
        if (dropwizardName.endsWith(".sum")) {
            return null;
        }
        String[] parts = dropwizardName.split("\\.");
        return new MetricId("test_" + parts[0] + "_seconds", "A histogram.", Collections.singletonList("op"),
                Collections.singletonList(parts[1]), new Rendering(Shape.HISTOGRAM, 1e-6, BucketFamily.LATENCY,
                        dropwizardName + ".sum", 1e-6));
    }

    private static String scrape(RegistryCollector collector, ExpositionFormat format, CommonLabels common) {
        return Expositions.withoutScrapeTotals(Expositions.direct(collector, format, common));
    }

    /** The {@code _count} of {@code family}'s series in {@code text}, in either format. */
    private static double count(String text, String family) {
        Matcher line = Pattern.compile("(?m)^" + family + "_seconds_count\\{op=\"reads\",?} (\\S+)$").matcher(text);
        assertTrue(line.find(), text);
        return Double.parseDouble(line.group(1));
    }

    private void assertSameAsFresh(ExpositionFormat format, CommonLabels common) {
        assertEquals(scrape(fresh, format, common), scrape(reusing, format, common));
    }

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void unchangedHistogramIsCopiedFromTheLastScrape(ExpositionFormat format) {
        String first = scrape(reusing, format, CommonLabels.NONE);
        assertEquals(scrape(fresh, format, CommonLabels.NONE), first);
        assertEquals(1, count(first, "test_latency"), first);

        latencyBuckets.overflow(1);

        assertEquals(first, scrape(reusing, format, CommonLabels.NONE));
        assertNotEquals(first, scrape(fresh, format, CommonLabels.NONE));
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
        assertNotEquals(first, scrape(reusing, format, CommonLabels.NONE));
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
            assertEquals(scrape(fullBucketsFresh, ExpositionFormat.TEXT_004, CommonLabels.NONE),
                    scrape(fullBuckets, ExpositionFormat.TEXT_004, CommonLabels.NONE));
        }
    }

    private static Map<BucketFamily, BucketLayout> full() {
        Map<BucketFamily, BucketLayout> buckets = CatalogConfig.defaultBuckets();
        buckets.put(BucketFamily.LATENCY, BucketLayout.full());
        return buckets;
    }
}
