package io.cassmon.exporter.exposition;

import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/** Test helpers: a source's exposition written directly and through simpleclient, for comparison. */
public final class Expositions {
    private Expositions() {
    }

    /** What {@code /metrics} writes for {@code source} alone. */
    public static String direct(SampleSource source, ExpositionFormat format) {
        return direct(source, format, CommonLabels.NONE);
    }

    static String direct(SampleSource source, ExpositionFormat format, CommonLabels common) {
        ExpositionBuffer out = new ExpositionBuffer(16);
        try {
            new Exposition(Collections.singletonList(source), new CollectorRegistry(), common).write(format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** What simpleclient's TextFormat writes for {@code source}'s samples. */
    static String simpleclient(SampleSource source, ExpositionFormat format, CommonLabels common) {
        SampleListSink sink = new SampleListSink();
        source.writeTo(sink);
        CollectorRegistry registry = new CollectorRegistry();
        registry.register(new io.prometheus.client.Collector() {
            @Override
            public java.util.List<MetricFamilySamples> collect() {
                return sink.families();
            }
        });
        ExpositionBuffer out = new ExpositionBuffer(16);
        try {
            // The slow path of Exposition: simpleclient samples, labelled, through TextFormat.
            new Exposition(Collections.<SampleSource>emptyList(), registry, common).write(format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** The text with the values that differ between two scrapes of the same metrics blanked. */
    public static String withoutScrapeTotals(String text) {
        return text.replaceAll("(?m)^((cassmon_scrape_duration_seconds|cassmon_collection_errors_total)(\\{[^}]*})?) .*$",
                "$1 <differs>");
    }
}
