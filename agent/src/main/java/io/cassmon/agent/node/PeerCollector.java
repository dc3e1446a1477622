package io.cassmon.agent.node;

import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.exposition.Suffix;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code cassandra_peer_up}: every other node of the {@link Topology}, 1 when this node's gossip sees it up, 0 when
 * down. Peers that left the ring are not in the topology, so their series disappear.
 */
final class PeerCollector extends CassandraCollector {
    static final String NAME = "cassandra_peer_up";
    static final List<String> LABELS = Collections.unmodifiableList(Arrays.asList(
            "peer", "peer_datacenter", "peer_rack", "host_id"));
    private static final String HELP = "Whether this node's gossip sees the peer up (1) or down (0); the local node is"
            + " not a peer, and peers that left the ring are not exported.";

    private final Topology topology;

    PeerCollector(Topology topology, ScrapeErrors errors) {
        super(topology.readiness(), errors);
        this.topology = topology;
    }

    @Override
    void write(Cassandra cassandra, SampleSink sink) throws Exception {
        List<Peer> peers = topology.peers(cassandra);
        if (peers.isEmpty()) {
            return;
        }
        sink.startFamily(NAME, Type.GAUGE, HELP, LABELS);
        Set<List<String>> exported = new HashSet<>();
        for (Peer peer : peers) {
            // Two endpoints can only share every label when 4.0+ nodes share an IP and neither has a host id yet.
            if (exported.add(peer.labelValues())) {
                sink.sample(Suffix.NONE, peer.labelValues(), null, null, peer.isUp() ? 1 : 0);
            }
        }
        sink.endFamily();
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return Collections.<MetricFamilySamples>singletonList(new GaugeMetricFamily(NAME, HELP, LABELS));
    }
}
