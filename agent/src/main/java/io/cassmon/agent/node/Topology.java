package io.cassmon.agent.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cluster as this node sees it: itself ({@link NodeIdentity}) and its peers, from {@code Gossiper.instance}.
 * Null until Cassandra has finished starting ({@link CassandraReadiness}), and always in a JVM without Cassandra.
 *
 * <p>A peer that left the ring (decommission, removenode, assassinate) is dropped by Cassandra from the live and
 * unreachable sets, but its endpoint state lingers in gossip for days with a dead status; either way it is not
 * listed. Cassandra's own {@code Gossiper.isDeadState} decides, per version.
 */
public final class Topology {
    private static final String GOSSIPER = "org.apache.cassandra.gms.Gossiper";
    private static final String APPLICATION_STATE = "org.apache.cassandra.gms.ApplicationState";

    private final CassandraReadiness readiness;
    /** Nothing of it changes while a node runs; read once the host id is known. */
    private volatile NodeIdentity local;

    Topology(CassandraReadiness readiness) {
        this.readiness = readiness;
    }

    CassandraReadiness readiness() {
        return readiness;
    }

    /** True once Cassandra has finished its setup ({@link CassandraReadiness}); never in a JVM without Cassandra. */
    public boolean cassandraStarted() throws Exception {
        return readiness.cassandra() != null;
    }

    /**
     * True once Cassandra serves CQL clients ({@code StorageService.isNativeTransportRunning()}, every version): the
     * last step of its startup, right before "Startup complete". False before, in a JVM without Cassandra, and on a
     * node whose native transport is disabled.
     */
    public boolean servingClients() throws Exception {
        Cassandra cassandra = readiness.cassandra();
        return cassandra != null
                && Boolean.TRUE.equals(cassandra.call(cassandra.storageService(), "isNativeTransportRunning"));
    }

    /** This node; null before Cassandra has finished starting. */
    public NodeIdentity local() throws Exception {
        Cassandra cassandra = readiness.cassandra();
        return cassandra == null ? null : local(cassandra);
    }

    /** The other nodes, in no particular order; null before Cassandra has finished starting. */
    public List<Peer> peers() throws Exception {
        Cassandra cassandra = readiness.cassandra();
        return cassandra == null ? null : peers(cassandra);
    }

    NodeIdentity local(Cassandra cassandra) throws ReflectiveOperationException {
        NodeIdentity known = local;
        if (known == null) {
            known = NodeIdentity.read(cassandra);
            if (!known.hostId().isEmpty()) {
                local = known;
            }
        }
        return known;
    }

    /** Two set copies and a map lookup per peer. */
    List<Peer> peers(Cassandra cassandra) throws ReflectiveOperationException {
        Object gossiper = cassandra.staticField(GOSSIPER, "instance");
        Collection<?> live = (Collection<?>) cassandra.call(gossiper, "getLiveMembers");
        Set<Object> known = new LinkedHashSet<Object>(live);
        known.addAll((Collection<?>) cassandra.call(gossiper, "getUnreachableMembers"));
        known.remove(Endpoints.local(cassandra));
        if (known.isEmpty()) {
            return Collections.emptyList();
        }
        List<Peer> peers = new ArrayList<>(known.size());
        for (Object endpoint : known) {
            Object state = cassandra.call(gossiper, "getEndpointStateForEndpoint", endpoint);
            if (state == null || Boolean.TRUE.equals(cassandra.call(gossiper, "isDeadState", state))) {
                continue;
            }
            peers.add(new Peer(Endpoints.address(cassandra, endpoint),
                    applicationState(cassandra, state, "DC"),
                    applicationState(cassandra, state, "RACK"),
                    applicationState(cassandra, state, "HOST_ID"),
                    live.contains(endpoint)));
        }
        return peers;
    }

    private static String applicationState(Cassandra cassandra, Object endpointState, String key)
            throws ReflectiveOperationException {
        Object value = cassandra.call(endpointState, "getApplicationState", cassandra.enumConstant(APPLICATION_STATE, key));
        return value == null ? "" : String.valueOf(cassandra.field(value, "value"));
    }
}
