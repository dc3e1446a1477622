package io.cassmon.exporter.exposition;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Predicate;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Everything {@code /metrics} serves: {@link SampleSource}s written straight to text (the Dropwizard registries,
 * nearly every sample), then the families of a simpleclient {@link CollectorRegistry} (JVM, node, cassmon's own;
 * in a {@link SourceRegistry}, collectors that are {@link SampleSource}s write theirs directly too), all with the same
 * {@link CommonLabels}. Only a request for some families by name ({@code name[]}) goes through
 * simpleclient's {@link TextFormat}.
 */
public final class Exposition {
    private static final Charset UTF_8 = Charset.forName("UTF-8");

    private final List<SampleSource> sources;
    private final CollectorRegistry collectors;
    private final CommonLabels common;

    public Exposition(List<SampleSource> sources, CollectorRegistry collectors, CommonLabels common) {
        this.sources = new ArrayList<>(sources);
        this.collectors = collectors;
        this.common = common;
    }

    /** Only a simpleclient registry, as simpleclient's own HTTP server would serve it. */
    public static Exposition of(CollectorRegistry collectors) {
        return new Exposition(Collections.<SampleSource>emptyList(), collectors, CommonLabels.NONE);
    }

    /** Writes every family in {@code format}. */
    public void write(ExpositionFormat format, ExpositionBuffer out) throws IOException {
        List<String> commonValues = common.values();
        TextSink sink = new TextSink(out, format, common.names(), commonValues);
        for (SampleSource source : sources) {
            source.writeTo(sink);
        }
        if (collectors instanceof SourceRegistry) {
            for (Collector collector : ((SourceRegistry) collectors).collectors()) {
                if (collector instanceof SampleSource) {
                    ((SampleSource) collector).writeTo(sink);
                } else {
                    for (MetricFamilySamples family : collector.collect()) {
                        sink.family(family);
                    }
                }
            }
        } else {
            Enumeration<MetricFamilySamples> others = collectors.metricFamilySamples();
            while (others.hasMoreElements()) {
                sink.family(others.nextElement());
            }
        }
        sink.finish();
    }

    /** Writes the samples whose names {@code filter} accepts (the {@code name[]} query parameters). */
    public void write(ExpositionFormat format, ExpositionBuffer out, Predicate<String> filter) throws IOException {
        SampleListSink sink = new SampleListSink();
        for (SampleSource source : sources) {
            source.writeTo(sink);
        }
        List<MetricFamilySamples> families = new ArrayList<>();
        for (MetricFamilySamples family : sink.families()) {
            MetricFamilySamples kept = family.filter(filter);
            if (kept != null) {
                families.add(kept);
            }
        }
        families.addAll(Collections.list(collectors.filteredMetricFamilySamples(filter)));
        writeWithTextFormat(format, out, labelled(families, common.values()));
    }

    private static void writeWithTextFormat(ExpositionFormat format, ExpositionBuffer out,
                                            List<MetricFamilySamples> families) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out.asOutputStream(), UTF_8));
        TextFormat.writeFormat(format.contentType(), writer, Collections.enumeration(families));
        writer.flush();
    }

    private List<MetricFamilySamples> labelled(List<MetricFamilySamples> families, List<String> values) {
        if (values == null) {
            return families;
        }
        List<MetricFamilySamples> out = new ArrayList<>(families.size());
        for (MetricFamilySamples family : families) {
            List<Sample> samples = new ArrayList<>(family.samples.size());
            for (Sample sample : family.samples) {
                samples.add(new Sample(sample.name, concat(sample.labelNames, common.names()),
                        concat(sample.labelValues, values), sample.value, sample.exemplar, sample.timestampMs));
            }
            out.add(new MetricFamilySamples(family.name, family.unit, family.type, family.help, samples));
        }
        return out;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}
