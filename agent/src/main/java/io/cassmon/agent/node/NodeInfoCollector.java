package io.cassmon.agent.node;

import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.exposition.Suffix;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code cassandra_node_info}: always 1, labelled with this node's identity. The labels are prefixed
 * {@code cassandra_} because Prometheus target files commonly attach plain {@code cluster}, {@code dc} and
 * {@code rack} labels, which would overwrite (or be overwritten by) the node's own view.
 */
final class NodeInfoCollector extends CassandraCollector {
    static final String NAME = "cassandra_node_info";
    static final List<String> LABELS = Collections.unmodifiableList(Arrays.asList(
            "cassandra_cluster", "cassandra_datacenter", "cassandra_rack", "host_id", "release_version"));
    private static final String HELP = "This Cassandra node's identity as it sees itself; always 1.";

    private final Topology topology;

    NodeInfoCollector(Topology topology, ScrapeErrors errors) {
        super(topology.readiness(), errors);
        this.topology = topology;
    }

    @Override
    void write(Cassandra cassandra, SampleSink sink) throws Exception {
        List<String> identity = topology.local(cassandra).labelValues();
        sink.startFamily(NAME, Type.GAUGE, HELP, LABELS);
        sink.sample(Suffix.NONE, identity, null, null, 1);
        sink.endFamily();
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return Collections.<MetricFamilySamples>singletonList(new GaugeMetricFamily(NAME, HELP, LABELS));
    }
}
