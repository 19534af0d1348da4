package io.cloudshop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One network path between components that a drill can cut: a TCP relay on loopback in the JVM that started the
 * stack, from {@link #port()} to a component's real port.
 *
 * <p>{@link #cut()} partitions it the way a lost network does, not the way a dead process does: nothing is refused or
 * reset. Bytes already sent wait (the relay stops passing them on, so TCP flow control holds the senders), and new
 * connections are accepted but go nowhere; callers notice only through their own timeouts. {@link #heal()} lets
 * everything through again, what waited included, as TCP retransmission would once a partition ends. A connection a
 * caller gave up on meanwhile is closed on both sides when its relay next moves.
 *
 * <p>Hand-written: Toxiproxy, the usual tool, is a separate Go server (not packaged by Debian), and the cut needs no
 * more than this. Virtual threads, and a {@link ReentrantLock} rather than monitors, so a waiting relay never holds a
 * carrier thread.
 */
final class NetworkLink implements AutoCloseable {

    private final String name;
    private final int target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition healed = lock.newCondition();
    private volatile boolean cut;
    private volatile boolean closed;

    /** Listens on a free loopback port at once and relays to {@code target} on loopback. */
    NetworkLink(String name, int target) {
        this.name = name;
        this.target = target;
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException ex) {
            throw new DevstackException("Could not open the network link " + name + ": " + ex.getMessage(), ex);
        }
        Thread.ofVirtual().name("link-" + name).start(this::accept);
    }

    String name() {
        return name;
    }

    /** Where clients connect instead of the component's own port. */
    int port() {
        return server.getLocalPort();
    }

    void cut() {
        cut = true;
    }

    void heal() {
        lock.lock();
        try {
            cut = false;
            healed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isCut() {
        return cut;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread.ofVirtual().name("link-" + name + "-connect").start(() -> connect(client));
            } catch (IOException ex) {
                if (!closed) {
                    // A failed accept (e.g. too many open files) must not end the link: try again shortly.
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        sockets.add(upstream);
        try {
            awaitHealed();
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5_000);
            upstream.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
        } catch (IOException | InterruptedException ex) {
            close(client, upstream);
            return;
        }
        Thread up = Thread.ofVirtual().name("link-" + name + "-up").start(() -> relay(client, upstream));
        relay(upstream, client);
        try {
            up.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        close(client, upstream);
    }

    /** Moves bytes from {@code from} to {@code to} until either ends, holding them while the link is cut. */
    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) != -1) {
                awaitHealed();
                out.write(buffer, 0, read);
                out.flush();
            }
            awaitHealed();
            to.shutdownOutput();
        } catch (IOException | InterruptedException ex) {
            close(from, to);
        }
    }

    private void awaitHealed() throws InterruptedException {
        if (!cut) {
            return;
        }
        lock.lock();
        try {
            while (cut && !closed) {
                healed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void close(Socket... pair) {
        for (Socket socket : pair) {
            sockets.remove(socket);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        heal();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
        sockets.forEach(socket -> close(socket));
    }
}
