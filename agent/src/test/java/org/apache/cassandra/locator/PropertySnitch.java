package org.apache.cassandra.locator;

import java.net.InetAddress;

/** Fake snitch; not public, as some real snitch implementations are not. */
public final class PropertySnitch implements IEndpointSnitch {
    public static IEndpointSnitch create() {
        return new PropertySnitch();
    }

    @Override
    public String getRack(InetAddress endpoint) {
        return "RAC1";
    }

    @Override
    public String getDatacenter(InetAddress endpoint) {
        return "DC1";
    }
}
