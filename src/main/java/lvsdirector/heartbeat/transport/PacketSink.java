package lvsdirector.heartbeat.transport;

/** Where signed packets go: every configured medium at once (heartbeat sends each message on all). */
@FunctionalInterface
public interface PacketSink {
    void send(byte[] packet);
}
