package io.cassmon.exporter.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.cassmon.exporter.exposition.ExpositionFormat;
import io.cassmon.exporter.exposition.Expositions;
import io.cassmon.exporter.mapping.RegistryCollector;
import io.cassmon.exporter.registry.RegistryIndex;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir;

/** A fresh registry named by the catalog, scraped to text; Cassandra-style timers and histograms for tests. */
final class CatalogScrape {
    static final String PREFIX = "org.apache.cassandra.metrics.";

    final MetricRegistry registry = new MetricRegistry();
    private final CollectorRegistry prometheus = new CollectorRegistry();
    private final RegistryCollector collector;

    CatalogScrape(CatalogConfig config) {
        RegistryIndex index = new RegistryIndex(new CassandraNaming(config));
        index.follow(registry);
        collector = new RegistryCollector(() -> Collections.singletonList(index), config.buckets());
        prometheus.register(collector);
    }

    /** A 4.1+ timer: microseconds, 127 buckets. */
    Timer microsecondTimer(String name) {
        return registry.register(PREFIX + name, new Timer(new DecayingEstimatedHistogramReservoir(127, false, 1000)));
    }

    /** A 3.11/4.0 timer: nanoseconds, 164 buckets. */
    Timer nanosecondTimer(String name) {
        return registry.register(PREFIX + name, new Timer(new DecayingEstimatedHistogramReservoir(164, false, 1)));
    }

    Histogram histogram(String name, boolean considerZeroes) {
        return registry.register(PREFIX + name,
                new Histogram(new DecayingEstimatedHistogramReservoir(164, considerZeroes, 1)));
    }

    /** simpleclient's text of the scrape, checked to be what /metrics writes directly. */
    String text() {
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, prometheus.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = out.toString();
        String direct = Expositions.direct(collector, ExpositionFormat.TEXT_004);
        assertEquals(Expositions.withoutScrapeTotals(text), Expositions.withoutScrapeTotals(direct));
        return text;
    }

    /** The families of the scrape without cassmon's own, sorted by name. */
    String families() {
        List<String> families = new ArrayList<>();
        for (String family : text().split("(?m)^(?=# HELP )")) {
            if (!family.startsWith("# HELP cassmon_")) {
                families.add(family);
            }
        }
        Collections.sort(families);
        return String.join("", families);
    }
}
