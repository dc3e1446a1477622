package org.apache.cassandra.gms;

import java.util.EnumMap;
import java.util.Map;

/** Fake (see org.apache.cassandra package-info). */
public class EndpointState {
    private final Map<ApplicationState, VersionedValue> states = new EnumMap<>(ApplicationState.class);

    public EndpointState(String status, String dc, String rack, String hostId) {
        states.put(ApplicationState.STATUS, new VersionedValue(status));
        states.put(ApplicationState.DC, new VersionedValue(dc));
        states.put(ApplicationState.RACK, new VersionedValue(rack));
        if (hostId != null) {
            states.put(ApplicationState.HOST_ID, new VersionedValue(hostId));
        }
    }

    public VersionedValue getApplicationState(ApplicationState key) {
        return states.get(key);
    }
}
