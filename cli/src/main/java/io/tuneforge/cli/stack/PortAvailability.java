package io.tuneforge.cli.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks the stack's fixed ports before anything starts: a taken port otherwise shows up as a
 * service crash deep in its log.
 */
public final class PortAvailability {

    private PortAvailability() {
    }

    /**
     * Binding the wildcard address also fails when something listens on 127.0.0.1 only. With
     * SO_REUSEADDR, as the servers themselves bind, connections of a just-stopped server lingering
     * in TIME_WAIT do not count, while a listening socket still does (Linux semantics).
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
