package org.apache.cassandra.gms;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Fake 3.11 Gossiper (see org.apache.cassandra package-info). */
public class Gossiper {
    static final List<String> DEAD_STATES = Arrays.asList("removing", "removed", "LEFT", "hibernate");
    public static final Gossiper instance = new Gossiper();

    public final ConcurrentMap<InetAddress, EndpointState> fakeStates = new ConcurrentHashMap<>();
    public final Set<InetAddress> fakeLive = ConcurrentHashMap.newKeySet();
    public final Set<InetAddress> fakeUnreachable = ConcurrentHashMap.newKeySet();

    public Set<InetAddress> getLiveMembers() {
        return new HashSet<>(fakeLive);
    }

    public Set<InetAddress> getUnreachableMembers() {
        return new HashSet<>(fakeUnreachable);
    }

    public EndpointState getEndpointStateForEndpoint(InetAddress endpoint) {
        return fakeStates.get(endpoint);
    }

    public boolean isDeadState(EndpointState state) {
        VersionedValue status = state.getApplicationState(ApplicationState.STATUS);
        return status != null && DEAD_STATES.contains(status.value.split(",")[0]);
    }
}
