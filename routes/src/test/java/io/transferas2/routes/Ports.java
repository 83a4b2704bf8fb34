package io.transferas2.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports. */
final class Ports {
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A free port not handed out before in this JVM (the OS may offer a just-closed port again). */
    static int distinct() {
        for (int i = 0; i < 100; i++) {
            int port = free();
            if (GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no distinct free port");
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
