package io.cassmon.agent.node;

import io.cassmon.exporter.http.ScrapeTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Every node of the cluster as this node's gossip knows it, down ones included, as Prometheus targets on the agent's
 * port (the same on every node) with {@code cluster}, {@code dc} and {@code rack} labels from Cassandra's own
 * topology. Nodes that left the ring are not listed.
 */
public final class DiscoveryTargets implements Callable<List<ScrapeTarget>> {
    private final Topology topology;
    private final int agentPort;

    public DiscoveryTargets(Topology topology, int agentPort) {
        this.topology = topology;
        this.agentPort = agentPort;
    }

    /** Null until Cassandra has finished starting. */
    @Override
    public List<ScrapeTarget> call() throws Exception {
        NodeIdentity local = topology.local();
        List<Peer> peers = topology.peers();
        if (local == null || peers == null) {
            return null;
        }
        List<ScrapeTarget> targets = new ArrayList<>();
        targets.add(target(local.address(), local.cluster(), local.datacenter(), local.rack()));
        for (Peer peer : peers) {
            targets.add(target(peer.address(), local.cluster(), peer.datacenter(), peer.rack()));
        }
        return targets;
    }

    private ScrapeTarget target(String address, String cluster, String dc, String rack) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("cluster", cluster);
        labels.put("dc", dc);
        labels.put("rack", rack);
        String host = address.contains(":") ? "[" + address + "]" : address;
        return new ScrapeTarget(host + ":" + agentPort, labels);
    }
}
