package io.cassmon.agent.node;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Cassandra's endpoint type differs by version: {@code java.net.InetAddress} in 3.11, {@code InetAddressAndPort} from
 * 4.0 (with a public {@code address} field; from 4.1 also an {@code InetSocketAddress}). Endpoints are handled as
 * opaque objects taken from and handed back to Cassandra; only their address is read here.
 */
final class Endpoints {
    private static final String FB_UTILITIES = "org.apache.cassandra.utils.FBUtilities";

    private Endpoints() {
    }

    /** This node's broadcast endpoint, of the type gossip uses for every endpoint of this version. */
    static Object local(Cassandra cassandra) throws ReflectiveOperationException {
        try {
            return cassandra.callStatic(FB_UTILITIES, "getBroadcastAddressAndPort");
        } catch (NoSuchMethodException cassandra311) {
            return cassandra.callStatic(FB_UTILITIES, "getBroadcastAddress");
        }
    }

    /** The endpoint's IP address as text, without the port (e.g. {@code 10.0.0.5}). */
    static String address(Cassandra cassandra, Object endpoint) throws ReflectiveOperationException {
        if (endpoint instanceof InetAddress) {
            return ((InetAddress) endpoint).getHostAddress();
        }
        if (endpoint instanceof InetSocketAddress) {
            return ((InetSocketAddress) endpoint).getAddress().getHostAddress();
        }
        return ((InetAddress) cassandra.field(endpoint, "address")).getHostAddress();
    }
}
