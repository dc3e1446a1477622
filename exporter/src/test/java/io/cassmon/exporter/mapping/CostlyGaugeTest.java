package io.cassmon.exporter.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.cassmon.exporter.cassandra.CassandraNaming;
import io.cassmon.exporter.cassandra.CatalogConfig;
import io.cassmon.exporter.cassandra.Detail;
import io.cassmon.exporter.cassandra.TableRule;
import io.cassmon.exporter.exposition.SampleListSink;
import io.cassmon.exporter.registry.MetricId;
import io.cassmon.exporter.registry.MetricKind;
import io.cassmon.exporter.registry.RegistryIndex;
import io.cassmon.exporter.registry.Rendering;
import io.cassmon.exporter.registry.Shape;
import io.prometheus.client.Collector.MetricFamilySamples;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Gauges that make Cassandra read from disk are read at most every so often; the last value is exported between. */
class CostlyGaugeTest {
    private final MetricRegistry registry = new MetricRegistry();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void exportsTheLastValueUntilItIsDueAgain() throws InterruptedException {
        RegistryCollector collector = collector((name, kind) -> new MetricId("test_costly", "Costly.",
                Collections.emptyList(), Collections.emptyList(), Rendering.of(Shape.GAUGE).readAtMostEvery(1)));
        registry.register("costly", (Gauge<Integer>) reads::incrementAndGet);

        assertEquals(1.0, value(collector));
        assertEquals(1.0, value(collector));
        assertEquals(1, reads.get());
        Thread.sleep(1_100);
        assertEquals(2.0, value(collector));
        assertEquals(2, reads.get());
    }

    @Test
    void cheapGaugesAreReadOnEveryScrape() {
        RegistryCollector collector = collector((name, kind) -> new MetricId("test_cheap", "Cheap.",
                Collections.emptyList(), Collections.emptyList(), Rendering.of(Shape.GAUGE)));
        registry.register("cheap", (Gauge<Integer>) reads::incrementAndGet);

        value(collector);
        value(collector);
        assertEquals(2, reads.get());
    }

    @Test
    void theCatalogReadsTheDiskWalkingTableGaugesOnceAMinute() {
        CatalogConfig full = new CatalogConfig(Detail.FULL, Collections.<TableRule>emptyList(), false, false,
                Collections.<Pattern>emptyList(), Collections.<Pattern>emptyList(), CatalogConfig.defaultBuckets(),
                CatalogConfig.DEFAULT_LARGE_PARTITION_BYTES, false, true);
        CassandraNaming naming = new CassandraNaming(full);
        for (String name : Arrays.asList("EstimatedPartitionCount", "SnapshotsSize")) {
            MetricId id = naming.name("org.apache.cassandra.metrics.Table." + name + ".ks.t", MetricKind.GAUGE);
            assertEquals(60_000_000_000L, id.rendering().readEveryNanos(), name);
        }
        MetricId cheap = naming.name("org.apache.cassandra.metrics.Table.LiveSSTableCount.ks.t", MetricKind.GAUGE);
        assertEquals(0, cheap.rendering().readEveryNanos());
    }

    private RegistryCollector collector(io.cassmon.exporter.registry.MetricNaming naming) {
        RegistryIndex index = new RegistryIndex(naming);
        index.follow(registry);
        return new RegistryCollector(() -> Collections.singletonList(index), CatalogConfig.defaultBuckets());
    }

    private static double value(RegistryCollector collector) {
        SampleListSink sink = new SampleListSink();
        collector.writeTo(sink);
        List<MetricFamilySamples> families = sink.families();
        return families.get(0).samples.get(0).value;
    }
}
