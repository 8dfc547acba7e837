package lvsdirector.netlink.icmp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends ICMP echo requests and completes one future per request when its reply arrives. One socket and one
 * receive thread per address family, opened on first use and shared by every caller; no thread per echo.
 * Futures never time out by themselves: the caller bounds the wait and cancels the future, which forgets the
 * outstanding request. Thread-safe.
 */
public final class Pinger implements AutoCloseable {
    private static final byte[] PAYLOAD = "lvs-director ping".getBytes(StandardCharsets.US_ASCII);

    private final int identifier = ThreadLocalRandom.current().nextInt(1, 0x10000);
    private final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));
    private final Map<Integer, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final Family v4 = new Family(false);
    private final Family v6 = new Family(true);
    private volatile boolean closed;

    private record Outstanding(InetAddress target, long sentNanos, CompletableFuture<Duration> reply) {}

    /**
     * Sends one echo request to {@code target}. The future completes with the round-trip time on the matching
     * reply, or exceptionally with an IOException when the request could not be sent (no socket, unreachable).
     */
    public CompletableFuture<Duration> echo(InetAddress target) {
        CompletableFuture<Duration> reply = new CompletableFuture<>();
        if (closed) {
            reply.completeExceptionally(new IOException("pinger closed"));
            return reply;
        }
        int seq = nextFreeSequence();
        Outstanding entry = new Outstanding(target, System.nanoTime(), reply);
        outstanding.put(seq, entry);
        reply.whenComplete((rtt, error) -> outstanding.remove(seq, entry));
        try {
            Family family = target instanceof Inet6Address ? v6 : v4;
            family.socket().sendEcho(target, identifier, seq, PAYLOAD);
        } catch (IOException | RuntimeException e) {
            reply.completeExceptionally(e);
        }
        return reply;
    }

    /** Whether echoes go through a raw socket (true) or an unprivileged datagram socket; opens the IPv4 socket. */
    public boolean usesRawSockets() throws IOException {
        return v4.socket().raw();
    }

    private int nextFreeSequence() {
        for (int i = 0; i < 0x10000; i++) {
            int seq = sequence.getAndIncrement() & 0xffff;
            if (!outstanding.containsKey(seq)) {
                return seq;
            }
        }
        throw new IllegalStateException("65536 echoes outstanding");
    }

    private void onReply(EchoReply reply, boolean raw) {
        // a raw socket sees every echo reply of the host, including other programs' pings
        Outstanding entry = outstanding.get(reply.sequence());
        if (entry == null || (raw && reply.identifier() != identifier)
                || (reply.from() != null && !reply.from().equals(entry.target()))) {
            return;
        }
        entry.reply().complete(Duration.ofNanos(System.nanoTime() - entry.sentNanos()));
    }

    @Override
    public void close() {
        closed = true;
        v4.close();
        v6.close();
        IOException closing = new IOException("pinger closed");
        outstanding.values().forEach(o -> o.reply().completeExceptionally(closing));
    }

    /** The socket and receive thread of one address family. */
    private final class Family {
        private final boolean ipv6;
        private IcmpSocket socket;

        Family(boolean ipv6) {
            this.ipv6 = ipv6;
        }

        synchronized IcmpSocket socket() throws IOException {
            if (socket == null) {
                if (closed) {
                    throw new IOException("pinger closed");
                }
                IcmpSocket opened = IcmpSocket.open(ipv6);
                Thread receiver = new Thread(() -> receiveLoop(opened), "icmp-receive-" + (ipv6 ? "v6" : "v4"));
                receiver.setDaemon(true);
                receiver.start();
                socket = opened;
            }
            return socket;
        }

        private void receiveLoop(IcmpSocket opened) {
            try {
                while (!opened.closed()) {
                    EchoReply reply = opened.receive();
                    if (reply != null) {
                        onReply(reply, opened.raw());
                    }
                }
            } catch (IOException e) {
                failAll(e);
            } finally {
                opened.release();
                synchronized (this) {
                    if (socket == opened) {
                        socket = null;
                    }
                }
            }
        }

        private void failAll(IOException e) {
            outstanding.values().stream()
                    .filter(o -> (o.target() instanceof Inet6Address) == ipv6)
                    .forEach(o -> o.reply().completeExceptionally(e));
        }

        synchronized void close() {
            if (socket != null) {
                socket.close();
            }
        }
    }
}
