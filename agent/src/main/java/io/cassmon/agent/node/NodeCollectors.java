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
        JvmCollectors.register(registry, errors);
        CassandraReadiness readiness = new CassandraReadiness();
        Topology topology = new Topology(readiness);
        new NodeInfoCollector(topology, errors).register(registry);
        new PeerCollector(topology, errors).register(registry);
        new DiskCollector(readiness, errors).register(registry);
        return topology;
    }
}
