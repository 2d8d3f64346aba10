package io.tuneforge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between a service and one of its dependencies (PostgreSQL, the broker) that a test can
 * cut and restore, to show what the service does while the dependency is gone: {@link #cut()} drops
 * every open connection and stops listening, so new connections are refused exactly as with a
 * stopped server; {@link #restore()} listens again on the same port. The real dependency keeps
 * running for every other test of the JVM.
 *
 * <p>A test and the application under test may see this class through different class loaders
 * (Quarkus restarts); {@link #register(String)} therefore publishes the proxy as a platform MBean, and
 * {@link #cut(String)} / {@link #restore(String)} reach it by name from any class loader.
 */
public final class TcpProxy implements AutoCloseable {

    /** What {@link #cut(String)} and {@link #restore(String)} call, through the platform MBean server. */
    public interface ControlMBean {
        void cut();

        void restore();
    }

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;
    private volatile boolean closed;

    private TcpProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** Listens on a free local port and relays to {@code host:port}. */
    public static TcpProxy start(String host, int port) {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), probe.getLocalPort());
            probe.close();
            proxy.listen();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a TCP proxy to " + host + ":" + port, e);
        }
    }

    public int port() {
        return port;
    }

    /** Makes this proxy controllable by {@link #cut(String)} and {@link #restore(String)} under {@code name}. */
    public TcpProxy register(String name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName id = objectName(name);
            if (server.isRegistered(id)) {
                server.unregisterMBean(id);
            }
            ControlMBean control = new ControlMBean() {
                @Override
                public void cut() {
                    TcpProxy.this.cut();
                }

                @Override
                public void restore() {
                    TcpProxy.this.restore();
                }
            };
            server.registerMBean(new StandardMBean(control, ControlMBean.class), id);
            return this;
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the TCP proxy '" + name + "'", e);
        }
    }

    public static void cut(String name) {
        invoke(name, "cut");
    }

    public static void restore(String name) {
        invoke(name, "restore");
    }

    private static void invoke(String name, String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(objectName(name), operation, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException("no TCP proxy registered as '" + name + "' in this JVM, or it failed to " + operation, e);
        }
    }

    private static ObjectName objectName(String name) throws MalformedObjectNameException {
        return new ObjectName("io.tuneforge.test:type=TcpProxy,name=" + ObjectName.quote(name));
    }

    /** Drops every relayed connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        ServerSocket server = listening;
        listening = null;
        closeQuietly(server);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (listening == null && !closed) {
            try {
                listen();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen again on port " + port, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
    }

    private void listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listening = server;
        Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-" + port + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // cut or closed
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: the other follows below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-" + port + "-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort: the socket is unusable either way
        }
    }
}
