package lvsdirector.check.text;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.function.Function;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ProbeFailures;
import lvsdirector.support.InetAddrs;

/**
 * One check's run over UDP: one request datagram, then every datagram from the real server's address and
 * port is judged until one decides; a single deadline bounds the wait (UDP has no EOF, so "no answer" is a
 * timeout).
 */
final class UdpExchange {
    /** Judges one answer: a success message, null to keep waiting, or a {@link TextFailure} for "down". */
    @FunctionalInterface
    interface Judge {
        String judge(byte[] datagram);
    }

    private UdpExchange() {}

    /** @param request builds the datagram from the local address and port it is sent from */
    static Future<CheckResult> run(Vertx vertx, InetAddress address, int port, Duration timeout,
                                   Function<InetSocketAddress, byte[]> request, Judge judge) {
        long start = System.nanoTime();
        Promise<CheckResult> verdict = Promise.promise();
        boolean ipv6 = address instanceof Inet6Address;
        DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions().setIpV6(ipv6));
        long timer = vertx.setTimer(timeout.toMillis(), id -> verdict.tryComplete(ProbeFailures.timeout(
                ProbeFailures.since(start))));
        verdict.future().onComplete(ar -> {
            vertx.cancelTimer(timer);
            socket.close();
        });
        String remote = InetAddrs.numeric(address);
        socket.handler(packet -> {
            if (verdict.future().isComplete() || packet.sender().port() != port
                    || !sameAddress(packet.sender().hostAddress(), address)) {
                return;
            }
            try {
                String success = judge.judge(packet.data().getBytes());
                if (success != null) {
                    verdict.tryComplete(CheckResult.ok(success, ProbeFailures.since(start)));
                }
            } catch (TextFailure failure) {
                verdict.tryComplete(failure.result(ProbeFailures.since(start)));
            }
        });
        try {
            InetAddress local = sourceAddressFor(address, port);
            socket.listen(0, InetAddrs.numeric(local))
                    .compose(s -> s.send(Buffer.buffer(request.apply(
                            new InetSocketAddress(local, s.localAddress().port()))), port, remote))
                    .onFailure(e -> verdict.tryComplete(CheckResult.failed(ProbeFailures.reasonOf(e),
                            "Can't send to " + InetAddrs.hostPort(address, port) + " (" + ProbeFailures.describe(e)
                                    + ")", ProbeFailures.since(start))));
        } catch (UncheckedIOException e) {
            verdict.tryComplete(CheckResult.failed(FailureReason.ERROR, "No route to "
                    + InetAddrs.hostPort(address, port) + " (" + ProbeFailures.describe(e.getCause()) + ")",
                    ProbeFailures.since(start)));
        }
        return verdict.future();
    }

    /** The local address the kernel would send from (a connected UDP socket sends nothing). */
    static InetAddress sourceAddressFor(InetAddress address, int port) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.connect(new InetSocketAddress(address, port));
            return ((InetSocketAddress) probe.getLocalAddress()).getAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameAddress(String hostAddress, InetAddress expected) {
        try {
            return InetAddress.getByName(hostAddress).equals(expected);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
