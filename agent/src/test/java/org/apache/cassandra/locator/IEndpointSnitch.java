package org.apache.cassandra.locator;

import java.net.InetAddress;

/** Fake 3.11 IEndpointSnitch (see org.apache.cassandra package-info). */
public interface IEndpointSnitch {
    String getRack(InetAddress endpoint);

    String getDatacenter(InetAddress endpoint);
}
