package io.cassmon.exporter.mapping;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** cassmon's own health, exported with every scrape under the {@code cassmon_} prefix. */
final class SelfMetrics {
    private static final List<String> NONE = Collections.emptyList();

    private final String version;

    SelfMetrics() {
        String implementation = SelfMetrics.class.getPackage().getImplementationVersion();
        this.version = implementation == null ? "unknown" : implementation;
    }

    List<MetricFamilySamples> render(double collectSeconds, ScrapeStats stats, long errors, int registries,
                                     int exported, int unexported) {
        List<MetricFamilySamples> out = new ArrayList<>();
        out.add(gauge("cassmon_scrape_duration_seconds",
                "Time this scrape spent reading the Dropwizard registries, before serialisation.", collectSeconds));
        out.add(gauge("cassmon_scrape_samples",
                "Samples read from the Dropwizard registries in this scrape (cassmon_ families excluded).", stats.samples));
        out.add(gauge("cassmon_scrape_non_numeric_gauges",
                "Gauges left out of this scrape because their value is not a number.", stats.nonNumericGauges));
        out.add(gauge("cassmon_scrape_failed_metrics",
                "Metrics left out of this scrape because reading them threw.", stats.failedMetrics));
        out.add(new MetricFamilySamples("cassmon_collection_errors", Type.COUNTER,
                "Metrics left out of a scrape because reading them threw, since the agent started.",
                Collections.singletonList(new Sample("cassmon_collection_errors_total", NONE, NONE, errors))));
        out.add(gauge("cassmon_registries", "Dropwizard registries the agent follows.", registries));
        List<String> state = Collections.singletonList("state");
        out.add(new MetricFamilySamples("cassmon_registry_metrics", Type.GAUGE,
                "Dropwizard metrics in the followed registries, by whether cassmon exports them.",
                Arrays.asList(
                        new Sample("cassmon_registry_metrics", state, Collections.singletonList("exported"), exported),
                        new Sample("cassmon_registry_metrics", state, Collections.singletonList("unexported"), unexported))));
        out.add(new MetricFamilySamples("cassmon_build_info", Type.GAUGE, "The cassmon agent version; always 1.",
                Collections.singletonList(new Sample("cassmon_build_info", Collections.singletonList("version"),
                        Collections.singletonList(version), 1))));
        return out;
    }

    private static MetricFamilySamples gauge(String name, String help, double value) {
        return new MetricFamilySamples(name, Type.GAUGE, help,
                Collections.singletonList(new Sample(name, NONE, NONE, value)));
    }
}
