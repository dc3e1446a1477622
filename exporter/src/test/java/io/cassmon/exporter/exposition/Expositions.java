package io.cassmon.exporter.exposition;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Test helpers: a source's exposition written directly and through simpleclient, for comparison. */
public final class Expositions {
    /** Common labels with characters to escape. */
    public static final CommonLabels TOPOLOGY = fixed(Arrays.asList("cluster", "dc"),
            Arrays.asList("Test \"cluster\"", "dc\\1"));

    private Expositions() {
    }

    /** Fixed common labels, {@code names} with {@code values}. */
    public static CommonLabels fixed(List<String> names, List<String> values) {
        return new CommonLabels() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public List<String> values() {
                return values;
            }
        };
    }

    /** What {@code /metrics} writes for {@code source} alone. */
    public static String direct(SampleSource source, ExpositionFormat format) {
        return direct(source, format, CommonLabels.NONE);
    }

    public static String direct(SampleSource source, ExpositionFormat format, CommonLabels common) {
        ExpositionBuffer out = new ExpositionBuffer(16);
        try {
            new Exposition(Collections.singletonList(source), new CollectorRegistry(), common).write(format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** What simpleclient's TextFormat writes for {@code source}'s samples with {@code common}'s labels appended. */
    public static String simpleclient(SampleSource source, ExpositionFormat format, CommonLabels common) {
        SampleListSink sink = new SampleListSink();
        source.writeTo(sink);
        List<MetricFamilySamples> families = new ArrayList<>();
        for (MetricFamilySamples family : sink.families()) {
            families.add(common.values() == null ? family : withLabels(family, common.names(), common.values()));
        }
        StringWriter text = new StringWriter();
        try {
            TextFormat.writeFormat(format.contentType(), text, Collections.enumeration(families));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static MetricFamilySamples withLabels(MetricFamilySamples family, List<String> names,
                                                  List<String> values) {
        List<Sample> samples = new ArrayList<>();
        for (Sample sample : family.samples) {
            List<String> allNames = new ArrayList<>(sample.labelNames);
            allNames.addAll(names);
            List<String> allValues = new ArrayList<>(sample.labelValues);
            allValues.addAll(values);
            samples.add(new Sample(sample.name, allNames, allValues, sample.value));
        }
        return new MetricFamilySamples(family.name, family.unit, family.type, family.help, samples);
    }

    /** The text with the values that differ between two scrapes of the same metrics blanked. */
    public static String withoutScrapeTotals(String text) {
        return text.replaceAll("(?m)^((cassmon_scrape_duration_seconds|cassmon_scrape_reused_series|cassmon_collection_errors_total)(\\{[^}]*})?) .*$",
                "$1 <differs>");
    }
}
