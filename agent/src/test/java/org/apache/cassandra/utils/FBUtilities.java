package org.apache.cassandra.utils;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Fake 3.11 FBUtilities (see org.apache.cassandra package-info): no getBroadcastAddressAndPort in 3.11. */
public class FBUtilities {
    public static InetAddress getBroadcastAddress() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
