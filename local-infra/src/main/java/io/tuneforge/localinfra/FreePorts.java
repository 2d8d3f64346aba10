package io.tuneforge.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks TCP ports on 127.0.0.1 that nobody listens on right now, so parallel test runs and a running
 * local stack do not collide. The port is released before the caller binds it, so another process
 * may take it in between; the servers here then fail to start and say which port.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int pick() {
        return pick(1)[0];
    }

    /** Distinct ports: all sockets are held open until every port is chosen. */
    public static int[] pick(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free TCP port on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a socket we only probed with cannot matter.
                }
            }
        }
    }
}
