package io.cassmon.exporter.exposition;

import io.prometheus.client.Collector;
import java.util.List;

/**
 * A simpleclient collector that writes its samples itself ({@link SampleSource}): in a {@link SourceRegistry},
 * {@code /metrics} has it write straight into the text; {@link #collect()} gives simpleclient (the {@code name[]}
 * filter, tests) the same samples as families.
 */
public abstract class DirectCollector extends Collector implements SampleSource {
    @Override
    public final List<MetricFamilySamples> collect() {
        SampleListSink sink = new SampleListSink();
        writeTo(sink);
        return sink.families();
    }
}
