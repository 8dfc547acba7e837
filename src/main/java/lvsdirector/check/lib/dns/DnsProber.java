package lvsdirector.check.lib.dns;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ProbeFailures;
import lvsdirector.check.lib.Deadline;
import lvsdirector.check.lib.DnsCheck;
import lvsdirector.support.InetAddrs;

/** Runs {@link DnsCheck}s: UDP through Vert.x's DnsClient, TCP through {@link DnsMessages} on a NetSocket. */
public final class DnsProber implements AutoCloseable {
    private final Vertx vertx;
    private final NetClient tcp;

    public DnsProber(Vertx vertx) {
        this.vertx = vertx;
        this.tcp = vertx.createNetClient(new NetClientOptions());
    }

    public Future<CheckResult> probe(DnsCheck check) {
        long start = System.nanoTime();
        String name = check.reverse() ? reverseName(check.query()) : check.query();
        int type = check.reverse() ? DnsMessages.TYPE_PTR : DnsMessages.TYPE_A;
        AtomicReference<Runnable> abort = new AtomicReference<>(() -> { });
        AtomicBoolean timedOut = new AtomicBoolean();
        Future<List<String>> answers = check.tcp() ? overTcp(check, name, type, abort, timedOut)
                : overUdp(check, name, type);
        Future<CheckResult> verdict = answers.map(list -> judge(check, list, start));
        return Deadline.race(vertx, check.timeout(), start, verdict, () -> {
            timedOut.set(true);
            abort.get().run();
        });
    }

    private static CheckResult judge(DnsCheck check, List<String> answers, long start) {
        for (String answer : answers) {
            if (check.matches(answer)) {
                return CheckResult.ok("DNS answer " + answer + " for " + check.query(), ProbeFailures.since(start));
            }
        }
        String why = check.receive().isEmpty() ? "no receive string set (dns needs one)"
                : "no answer matching " + check.receive() + " in " + answers;
        return CheckResult.failed(FailureReason.MISMATCH, "DNS " + check.query() + ": " + why, ProbeFailures.since(start));
    }

    private Future<List<String>> overUdp(DnsCheck check, String name, int type) {
        DnsClient client = vertx.createDnsClient(new DnsClientOptions()
                .setHost(InetAddrs.numeric(check.address()))
                .setPort(check.port())
                .setQueryTimeout(Math.max(1, check.timeout().toMillis()))
                .setRecursionDesired(true));
        // no abort: the client's own query timeout (the same) ends the query, and closing it under a pending
        // query makes Vert.x log a spurious error
        Future<List<String>> answers = type == DnsMessages.TYPE_PTR
                ? client.resolvePTR(name).map(ptr -> ptr == null ? List.of() : List.of(stripDot(ptr)))
                : client.resolveA(name);
        return answers.andThen(ar -> client.close());
    }

    private Future<List<String>> overTcp(DnsCheck check, String name, int type, AtomicReference<Runnable> abort,
                                         AtomicBoolean timedOut) {
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        byte[] query = DnsMessages.query(id, name, type);
        Promise<List<String>> result = Promise.promise();
        tcp.connect(new ConnectOptions().setPort(check.port()).setHost(InetAddrs.numeric(check.address()))
                .setTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, check.timeout().toMillis())))).onComplete(ar -> {
            if (ar.failed()) {
                result.tryFail(ar.cause());
                return;
            }
            NetSocket socket = ar.result();
            if (timedOut.get()) {
                // the deadline fired while connecting, so nobody else will close this socket
                socket.close();
                result.tryFail(new java.io.IOException("connected after the deadline"));
                return;
            }
            abort.set(socket::close);
            Buffer received = Buffer.buffer();
            socket.handler(chunk -> {
                received.appendBuffer(chunk);
                if (received.length() >= 2 && received.length() >= 2 + received.getUnsignedShort(0)) {
                    byte[] reply = received.getBytes(2, 2 + received.getUnsignedShort(0));
                    socket.close();
                    try {
                        result.tryComplete(DnsMessages.answers(reply, id, type));
                    } catch (IllegalArgumentException e) {
                        result.tryFail(e);
                    }
                }
            });
            socket.closeHandler(v -> result.tryFail(new java.io.IOException("connection closed before a DNS reply")));
            socket.write(Buffer.buffer().appendUnsignedShort(query.length).appendBytes(query));
        });
        return result.future();
    }

    private static String reverseName(String literal) {
        try {
            return DnsMessages.reverseName(InetAddress.getByName(literal).getAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public void close() {
        tcp.close();
    }
}
