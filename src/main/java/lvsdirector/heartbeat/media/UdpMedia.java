package lvsdirector.heartbeat.media;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lvsdirector.heartbeat.transport.PacketSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open UDP media of a node. Sending writes each packet to every medium (heartbeat never picks one);
 * a send failure is logged and does not stop the other media. Must be opened and used on one Vert.x
 * context so received packets are handled on the node's event loop.
 */
public final class UdpMedia implements PacketSink {
    private static final Logger LOG = LoggerFactory.getLogger(UdpMedia.class);

    private record Sender(MediumTarget target, DatagramSocket socket) {}

    private final List<Sender> senders;
    private final List<DatagramSocket> receivers;

    private UdpMedia(List<Sender> senders, List<DatagramSocket> receivers) {
        this.senders = List.copyOf(senders);
        this.receivers = List.copyOf(receivers);
    }

    /**
     * Opens a sending socket per medium and a receiving socket per distinct port, bound to
     * {@code listenHost} (normally 0.0.0.0; a single address lets tests run several nodes on one host).
     */
    public static Future<UdpMedia> open(Vertx vertx, List<MediumTarget> targets, String listenHost, Consumer<ReceivedDatagram> handler) {
        List<Sender> senders = new ArrayList<>();
        for (MediumTarget target : targets) {
            DatagramSocketOptions options = new DatagramSocketOptions().setBroadcast(target.broadcast()).setIpV6(false);
            if (target.multicast()) {
                options.setMulticastNetworkInterface(target.iface()).setMulticastTimeToLive(target.multicastTtl())
                        .setLoopbackModeDisabled(!target.multicastLoop());
            }
            senders.add(new Sender(target, vertx.createDatagramSocket(options)));
        }
        Map<Integer, List<MediumTarget>> byPort = new LinkedHashMap<>();
        targets.forEach(t -> byPort.computeIfAbsent(t.port(), p -> new ArrayList<>()).add(t));
        List<DatagramSocket> receivers = new ArrayList<>();
        List<Future<?>> ready = new ArrayList<>();
        for (Map.Entry<Integer, List<MediumTarget>> port : byPort.entrySet()) {
            DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions().setReuseAddress(true).setIpV6(false));
            socket.handler(p -> handler.accept(new ReceivedDatagram(p.data().getBytes(), p.sender().host() + ":" + p.sender().port())));
            socket.exceptionHandler(e -> LOG.error("ERROR: receiving on UDP port {}: {}", port.getKey(), e.toString()));
            receivers.add(socket);
            Future<?> listening = socket.listen(port.getKey(), listenHost);
            for (MediumTarget t : port.getValue()) {
                if (t.multicast()) {
                    listening = listening.compose(s -> socket.listenMulticastGroup(t.host(), t.iface(), null));
                }
            }
            ready.add(listening);
        }
        UdpMedia media = new UdpMedia(senders, receivers);
        return Future.all(ready).map(media).recover(e -> media.close().transform(ignored -> Future.failedFuture(
                new MediaException("cannot open the heartbeat media: " + e.getMessage()))));
    }

    @Override
    public void send(byte[] packet) {
        Buffer buffer = Buffer.buffer(packet);
        for (Sender sender : senders) {
            MediumTarget t = sender.target();
            sender.socket().send(buffer, t.port(), t.host()).onFailure(e ->
                    LOG.error("ERROR: sending to {}:{} on {} failed: {}", t.host(), t.port(), t.iface(), e.toString()));
        }
    }

    public Future<Void> close() {
        List<Future<Void>> closing = new ArrayList<>();
        senders.forEach(s -> closing.add(s.socket().close()));
        receivers.forEach(r -> closing.add(r.close()));
        return Future.join(closing).mapEmpty();
    }
}
