package io.cassmon.agent.node;

import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.log.Log;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Predicate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * For users without Prometheus target files ({@code metrics.topology_labels: true}): every exported series carries
 * this node's {@code cluster}, {@code dc} and {@code rack}, from Cassandra's own configuration. Until Cassandra has
 * finished starting they are not known and series go out without them.
 */
public final class TopologyLabelledRegistry extends CollectorRegistry {
    static final List<String> LABELS = Collections.unmodifiableList(Arrays.asList("cluster", "dc", "rack"));

    private final Topology topology;

    public TopologyLabelledRegistry(Topology topology) {
        this.topology = topology;
    }

    @Override
    public Enumeration<MetricFamilySamples> metricFamilySamples() {
        return labelled(super.metricFamilySamples());
    }

    @Override
    public Enumeration<MetricFamilySamples> filteredMetricFamilySamples(Set<String> names) {
        return labelled(super.filteredMetricFamilySamples(names));
    }

    @Override
    public Enumeration<MetricFamilySamples> filteredMetricFamilySamples(Predicate<String> filter) {
        return labelled(super.filteredMetricFamilySamples(filter));
    }

    private Enumeration<MetricFamilySamples> labelled(Enumeration<MetricFamilySamples> families) {
        List<String> values = values();
        if (values == null) {
            return families;
        }
        List<MetricFamilySamples> out = new ArrayList<>();
        while (families.hasMoreElements()) {
            MetricFamilySamples family = families.nextElement();
            List<Sample> samples = new ArrayList<>(family.samples.size());
            for (Sample sample : family.samples) {
                samples.add(new Sample(sample.name, concat(sample.labelNames, LABELS), concat(sample.labelValues, values),
                        sample.value, sample.exemplar, sample.timestampMs));
            }
            out.add(new MetricFamilySamples(family.name, family.unit, family.type, family.help, samples));
        }
        return Collections.enumeration(out);
    }

    /** cluster, dc, rack; null while Cassandra is starting. */
    private List<String> values() {
        try {
            NodeIdentity local = topology.local();
            return local == null ? null : Arrays.asList(local.cluster(), local.datacenter(), local.rack());
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            Log.debug("cassmon: topology labels not known yet: " + t);
            return null;
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}
