package io.cassmon.agent.node;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** This node as it sees itself: what {@code cassandra_node_info} exports, and its broadcast address. */
public final class NodeIdentity {
    private static final String DATABASE_DESCRIPTOR = "org.apache.cassandra.config.DatabaseDescriptor";

    private final String address;
    private final String cluster;
    private final String datacenter;
    private final String rack;
    private final String hostId;
    private final String releaseVersion;
    private final List<String> labelValues;

    NodeIdentity(String address, String cluster, String datacenter, String rack, String hostId, String releaseVersion) {
        this.address = address;
        this.cluster = cluster;
        this.datacenter = datacenter;
        this.rack = rack;
        this.hostId = hostId;
        this.releaseVersion = releaseVersion;
        this.labelValues = Collections.unmodifiableList(Arrays.asList(cluster, datacenter, rack, hostId, releaseVersion));
    }

    static NodeIdentity read(Cassandra cassandra) throws ReflectiveOperationException {
        Object local = Endpoints.local(cassandra);
        // The snitch answers for the local endpoint in every version (4.0+ also has getLocalRack(); 3.11 does not).
        Object snitch = cassandra.callStatic(DATABASE_DESCRIPTOR, "getEndpointSnitch");
        Object storage = cassandra.storageService();
        return new NodeIdentity(Endpoints.address(cassandra, local),
                text(cassandra.callStatic(DATABASE_DESCRIPTOR, "getClusterName")),
                text(cassandra.call(snitch, "getDatacenter", local)),
                text(cassandra.call(snitch, "getRack", local)),
                text(cassandra.call(storage, "getLocalHostId")),
                text(cassandra.call(storage, "getReleaseVersion")));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The broadcast address peers know this node by (IP, no port). */
    public String address() {
        return address;
    }

    public String cluster() {
        return cluster;
    }

    public String datacenter() {
        return datacenter;
    }

    public String rack() {
        return rack;
    }

    /** Empty until the node has one (a node that has not joined the ring yet). */
    public String hostId() {
        return hostId;
    }

    public String releaseVersion() {
        return releaseVersion;
    }

    /** Values of {@link NodeInfoCollector#LABELS}, in order. */
    List<String> labelValues() {
        return labelValues;
    }
}
