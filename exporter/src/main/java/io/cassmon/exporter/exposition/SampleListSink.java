package io.cassmon.exporter.exposition;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.ArrayList;
import java.util.List;

/** Collects samples as simpleclient's {@link MetricFamilySamples}, for {@code Collector.collect()} and filtering. */
public final class SampleListSink implements SampleSink {
    private final List<MetricFamilySamples> families = new ArrayList<>();
    private String name;
    private Type type;
    private String help;
    private List<String> labelNames;
    private List<Sample> samples;

    @Override
    public void startFamily(String name, Type type, String help, List<String> labelNames) {
        this.name = name;
        this.type = type;
        this.help = help;
        this.labelNames = labelNames;
        this.samples = new ArrayList<>();
    }

    @Override
    public void sample(Suffix suffix, List<String> labelValues, String extraLabel, String extraValue, double value) {
        List<String> names = labelNames;
        List<String> values = labelValues;
        if (extraLabel != null) {
            names = plus(labelNames, extraLabel);
            values = plus(labelValues, extraValue);
        }
        samples.add(new Sample(name + suffix.text(), names, values, value));
    }

    @Override
    public int mark() {
        return samples.size();
    }

    @Override
    public void reset(int mark) {
        samples.subList(mark, samples.size()).clear();
    }

    @Override
    public boolean rewrite(SeriesLines kept, Object owner, long[] state, int stateLength) {
        return false;
    }

    @Override
    public void keep(SeriesLines kept, int mark, Object owner, long[] state, int stateLength) {
    }

    @Override
    public int endFamily() {
        if (!samples.isEmpty()) {
            families.add(new MetricFamilySamples(name, type, help, samples));
        }
        return samples.size();
    }

    @Override
    public void family(MetricFamilySamples family) {
        families.add(family);
    }

    public List<MetricFamilySamples> families() {
        return families;
    }

    private static List<String> plus(List<String> list, String last) {
        List<String> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(last);
        return out;
    }
}
