package io.cloudshop.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for test servers: free now, and below Linux's ephemeral range (32768 and up), so that while a server is
 * stopped by a test, no outgoing connection can be given its port and keep it from starting again on the same one
 * (which a port from {@code new ServerSocket(0)}, taken from that range, cannot promise).
 */
public final class FreePorts {

    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32000;

    private FreePorts() {}

    /** {@code count} distinct ports that a server could bind on loopback and on all interfaces right now. */
    public static List<Integer> pick(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        List<Integer> ports = new ArrayList<>();
        int span = HIGHEST - LOWEST;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span && ports.size() < count; i++) {
            int port = LOWEST + (start + i) % span;
            if (free(port)) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException(
                    "Fewer than " + count + " free ports between " + LOWEST + " and " + HIGHEST);
        }
        return ports;
    }

    private static boolean free(int port) {
        for (InetSocketAddress address :
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), new InetSocketAddress(port))) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(address);
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }
}
