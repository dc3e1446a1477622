package io.cassmon.agent.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Hands out TCP ports that are free on a loopback address and never the same one twice in this JVM. */
public final class FreePorts {

    // Below Linux's default ephemeral range (32768+), so the kernel does not give the port to an outgoing
    // connection between the moment it is chosen here and the moment the node binds it.
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next(String address) {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (HANDED_OUT.add(port) && bindable(address, port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free TCP port found on " + address + " in " + LOW + "-" + HIGH);
    }

    private static boolean bindable(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
