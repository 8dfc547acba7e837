package lvsdirector.check.lib.radius;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ProbeFailures;
import lvsdirector.check.lib.Deadline;
import lvsdirector.check.lib.RadiusCheck;
import lvsdirector.support.InetAddrs;

/** Runs {@link RadiusCheck}s: one Access-Request per probe on its own short-lived UDP socket. */
public final class RadiusProber {
    private final Vertx vertx;
    private final SecureRandom random = new SecureRandom();

    public RadiusProber(Vertx vertx) {
        this.vertx = vertx;
    }

    public Future<CheckResult> probe(RadiusCheck check) {
        long start = System.nanoTime();
        byte[] authenticator = new byte[16];
        random.nextBytes(authenticator);
        int id = random.nextInt(256);
        byte[] request;
        try {
            request = RadiusPacket.accessRequest(id, authenticator, check.secret(), check.login(), check.passwd(),
                    localAddressTowards(check.address()));
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(CheckResult.failed(FailureReason.ERROR, e.getMessage(), java.time.Duration.ZERO));
        }
        boolean ipv6 = check.address() instanceof Inet6Address;
        DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions().setIpV6(ipv6));
        Promise<CheckResult> reply = Promise.promise();
        String server = InetAddrs.hostPort(check.address(), check.port());
        socket.handler(packet -> {
            int code = RadiusPacket.verifiedReplyCode(packet.data().getBytes(), id, authenticator, check.secret());
            if (code < 0) {
                return; // not ours, or forged / wrong secret: keep waiting until the deadline
            }
            reply.tryComplete(code == RadiusPacket.ACCESS_ACCEPT
                    ? CheckResult.ok("Access-Accept from " + server, ProbeFailures.since(start))
                    : CheckResult.failed(FailureReason.BAD_RESPONSE, RadiusPacket.codeName(code) + " from " + server,
                            ProbeFailures.since(start)));
        });
        socket.exceptionHandler(reply::tryFail);
        socket.listen(0, ipv6 ? "::" : "0.0.0.0")
                .compose(s -> s.send(Buffer.buffer(request), check.port(), InetAddrs.numeric(check.address())))
                .onFailure(reply::tryFail);
        return Deadline.race(vertx, check.timeout(), start, reply.future(), () -> { })
                .andThen(ar -> socket.close());
    }

    /** The source address the kernel would pick for the server: the NAS-IP-Address. */
    private static InetAddress localAddressTowards(InetAddress server) {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket()) {
            probe.connect(new InetSocketAddress(server, 9));
            return probe.getLocalAddress();
        } catch (java.io.IOException e) {
            return null;
        }
    }

}
