package io.cassmon.agent.node;

import io.cassmon.exporter.jvm.JvmCollectors;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.CollectorRegistry;

/**
 * The node-health families next to the registry's: the JVM and process ({@link JvmCollectors}) and, once Cassandra
 * has started ({@link CassandraReadiness}), the node's identity, its peers and its disks.
 */
public final class NodeCollectors {
    private NodeCollectors() {
    }

    /**
     * Registers them all; {@code errors} counts and logs what fails to be read. Returns the topology they read, for
     * whatever else needs the cluster as this node sees it.
     */
    public static Topology register(CollectorRegistry registry, ScrapeErrors errors) {
        Topology topology = topology();
        register(registry, topology, errors);
        return topology;
    }

    /** The cluster as this node will see it once Cassandra has started. */
    public static Topology topology() {
        return new Topology(new CassandraReadiness());
    }

    /** Registers them all, reading the cluster through {@code topology}. */
    public static void register(CollectorRegistry registry, Topology topology, ScrapeErrors errors) {
        JvmCollectors.register(registry, errors);
        new NodeInfoCollector(topology, errors).register(registry);
        new PeerCollector(topology, errors).register(registry);
        new DiskCollector(topology.readiness(), errors).register(registry);
    }
}
