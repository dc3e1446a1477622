package io.cassmon.agent.node;

import java.util.Arrays;
import java.util.List;

/** Another node of the cluster as this node's gossip sees it. */
public final class Peer {
    private final String address;
    private final String datacenter;
    private final String rack;
    private final String hostId;
    private final boolean up;

    Peer(String address, String datacenter, String rack, String hostId, boolean up) {
        this.address = address;
        this.datacenter = datacenter;
        this.rack = rack;
        this.hostId = hostId;
        this.up = up;
    }

    /** IP address, without the port. */
    public String address() {
        return address;
    }

    public String datacenter() {
        return datacenter;
    }

    public String rack() {
        return rack;
    }

    public String hostId() {
        return hostId;
    }

    public boolean isUp() {
        return up;
    }

    /** Values of {@link PeerCollector#LABELS}, in order. */
    List<String> labelValues() {
        return Arrays.asList(address, datacenter, rack, hostId);
    }
}
