package io.cassmon.exporter.mapping;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** cassmon's own health, exported with every scrape under the {@code cassmon_} prefix. */
public final class SelfMetrics {
    private static final List<String> NONE = Collections.emptyList();

    /** Name, type, labels and help of each family; the reference documentation is generated from this table. */
    public static final List<String[]> FAMILIES = Collections.unmodifiableList(Arrays.asList(
            new String[] {"cassmon_scrape_duration_seconds", "gauge", "",
                "Time this scrape spent reading the Dropwizard registries and writing their samples; the JVM and node"
                    + " families and sending the response come after."},
            new String[] {"cassmon_scrape_samples", "gauge", "",
                "Samples read from the Dropwizard registries in this scrape (cassmon_ families excluded)."},
            new String[] {"cassmon_scrape_reused_series", "gauge", "",
                "Series of this scrape written from the text kept at the last one, their value unchanged since"
                    + " (metrics.reuse_unchanged_series)."},
            new String[] {"cassmon_scrape_non_numeric_gauges", "gauge", "",
                "Gauges left out of this scrape because their value is not a number."},
            new String[] {"cassmon_scrape_failed_metrics", "gauge", "",
                "Metrics left out of this scrape because reading them threw."},
            new String[] {"cassmon_collection_errors_total", "counter", "",
                "Metrics left out of a scrape because reading them threw, since the agent started."},
            new String[] {"cassmon_registries", "gauge", "", "Dropwizard registries the agent follows."},
            new String[] {"cassmon_registry_metrics", "gauge", "state",
                "Dropwizard metrics in the followed registries: exported, filtered (left out by the catalog, its"
                    + " detail levels or filters, or used as another family's _sum), or conflicting (a name"
                    + " collision, logged)."},
            new String[] {"cassmon_build_info", "gauge", "version", "The cassmon agent version; always 1."}));

    private final String version;

    SelfMetrics() {
        String implementation = SelfMetrics.class.getPackage().getImplementationVersion();
        this.version = implementation == null ? "unknown" : implementation;
    }

    List<MetricFamilySamples> render(double collectSeconds, ScrapeStats stats, long errors, int registries,
                                     int exported, int filtered, int conflicting) {
        List<MetricFamilySamples> out = new ArrayList<>();
        out.add(gauge(0, collectSeconds));
        out.add(gauge(1, stats.samples));
        out.add(gauge(2, stats.reusedSeries));
        out.add(gauge(3, stats.nonNumericGauges));
        out.add(gauge(4, stats.failedMetrics));
        out.add(family(5, Type.COUNTER, sample("cassmon_collection_errors_total", "", "", errors)));
        out.add(gauge(6, registries));
        out.add(family(7, Type.GAUGE,
                sample("cassmon_registry_metrics", "state", "exported", exported),
                sample("cassmon_registry_metrics", "state", "filtered", filtered),
                sample("cassmon_registry_metrics", "state", "conflicting", conflicting)));
        out.add(family(8, Type.GAUGE, sample("cassmon_build_info", "version", version, 1)));
        return out;
    }

    private static MetricFamilySamples gauge(int row, double value) {
        return family(row, Type.GAUGE, sample(FAMILIES.get(row)[0], "", "", value));
    }

    private static MetricFamilySamples family(int row, Type type, Sample... samples) {
        String name = FAMILIES.get(row)[0];
        // simpleclient names a counter family without its _total suffix.
        String familyName = type == Type.COUNTER ? name.substring(0, name.length() - "_total".length()) : name;
        return new MetricFamilySamples(familyName, type, FAMILIES.get(row)[3], Arrays.asList(samples));
    }

    private static Sample sample(String name, String label, String labelValue, double value) {
        return label.isEmpty() ? new Sample(name, NONE, NONE, value)
                : new Sample(name, Collections.singletonList(label), Collections.singletonList(labelValue), value);
    }
}
