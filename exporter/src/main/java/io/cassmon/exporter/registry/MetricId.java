package io.cassmon.exporter.registry;

import java.util.Collections;
import java.util.List;

/**
 * Where a Dropwizard metric lands in Prometheus: a family name, its help text, this series' labels, and how its
 * value becomes samples.
 */
public final class MetricId {
    private final String family;
    private final String help;
    private final List<String> labelNames;
    private final List<String> labelValues;
    private final Rendering rendering;

    public MetricId(String family, String help, List<String> labelNames, List<String> labelValues, Rendering rendering) {
        if (labelNames.size() != labelValues.size()) {
            throw new IllegalArgumentException("label names " + labelNames + " and values " + labelValues + " differ in size");
        }
        this.family = family;
        this.help = help;
        this.labelNames = Collections.unmodifiableList(labelNames);
        this.labelValues = Collections.unmodifiableList(labelValues);
        this.rendering = rendering;
    }

    public String family() {
        return family;
    }

    public String help() {
        return help;
    }

    public List<String> labelNames() {
        return labelNames;
    }

    public List<String> labelValues() {
        return labelValues;
    }

    public Rendering rendering() {
        return rendering;
    }
}
