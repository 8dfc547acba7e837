package lvsdirector.heartbeat.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import lvsdirector.heartbeat.wire.AuthKey;
import lvsdirector.heartbeat.wire.AuthKeys;
import lvsdirector.heartbeat.wire.AuthMethod;
import lvsdirector.heartbeat.wire.DecodeResult;
import lvsdirector.heartbeat.wire.DefaultFields;
import lvsdirector.heartbeat.wire.Field;
import lvsdirector.heartbeat.wire.Message;
import lvsdirector.heartbeat.wire.PacketDecoder;
import lvsdirector.heartbeat.wire.SenderIdentity;

/** Our node "nodeb" with a fake clock and a sink that records every packet; builds messages from "nodea". */
final class MembershipHarness implements MembershipListener {
    static final AuthKeys KEYS = AuthKeys.single(new AuthKey(1, AuthMethod.SHA1, "InteropKey-sha1"));
    static final byte[] UUID_B = new byte[16];
    static final byte[] UUID_A = new byte[16];

    static {
        UUID_A[0] = 0x0a;
        UUID_B[0] = 0x0b;
    }

    long now = 5_000_000_000L;
    final List<byte[]> packets = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final Membership membership;
    static final MembershipSettings HEARTBEAT_DEFAULTS = new MembershipSettings("nodeb", List.of("nodea", "nodeb"),
            Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(3), Duration.ofSeconds(12), Duration.ofMillis(250));
    final MembershipSettings settings;
    long peerSeq;
    long peerGeneration = 0x6b0644a8L;

    MembershipHarness() {
        this(null);
    }

    /** With {@code observer} (e.g. metrics) seeing every event before this harness records it; null for none. */
    MembershipHarness(MembershipListener observer) {
        this(observer, HEARTBEAT_DEFAULTS);
    }

    /** With other timing (e.g. sub-second keepalive); ticks then come every {@link MembershipSettings#tickPeriod()}. */
    MembershipHarness(MembershipListener observer, MembershipSettings settings) {
        this.settings = settings;
        MessageSender sender = new MessageSender(new SenderIdentity("nodeb", UUID_B, 0x77, 3), KEYS, true, packets::add,
                () -> 0x6b0644a7L, () -> "0.00 0.00 0.00 1/1 1");
        membership = new Membership(settings, sender, observer == null ? this : MembershipListeners.observed(this, observer),
                () -> now, new Random(7));
    }

    void advanceMillis(long millis) {
        long step = settings.tickPeriod().toMillis();
        for (long t = 0; t < millis; t += step) {
            now += step * 1_000_000L;
            membership.tick();
        }
    }

    /** A message from nodea with the next sequence number (or none for NS_ types). */
    Message fromA(Field... body) {
        return fromA(++peerSeq, body);
    }

    Message fromA(long seq, Field... body) {
        Message m = Message.of(body);
        return DefaultFields.append(m, new SenderIdentity("nodea", UUID_A, peerGeneration, 3), seq, 0x6b0644a7L, "n/a", Optional.empty());
    }

    Message statusA(String st) {
        return fromA(Field.string("t", "status"), Field.string("st", st), Field.string("dt", "1770"), Field.string("protocol", "1"));
    }

    /** Everything we sent, decoded and verified, in order. */
    List<Message> sent() {
        PacketDecoder decoder = new PacketDecoder(KEYS);
        return packets.stream().map(p -> ((DecodeResult.Accepted) decoder.decode(p)).message()).toList();
    }

    List<Message> sentOfType(String type) {
        return sent().stream().filter(m -> m.type().equals(type)).toList();
    }

    @Override
    public void statusChanged(String node, NodeStatus from, NodeStatus to) {
        events.add(node + " " + from.word() + "->" + to.word());
    }

    @Override
    public void nodeUp(String node) {
        events.add("up " + node);
    }

    @Override
    public void nodeDead(String node) {
        events.add("dead " + node);
    }

    @Override
    public void nodeRestarted(String node, long oldGeneration, long newGeneration) {
        events.add("restart " + node);
    }

    @Override
    public void partitionHealed(String node) {
        events.add("partition " + node);
    }

    @Override
    public void localStatusChanged(NodeStatus status) {
        events.add("local " + status.word());
    }

    @Override
    public void message(String fromNode, Message message) {
        events.add("message " + message.type() + " from " + fromNode);
    }

    @Override
    public void overheard(String fromNode, Message message) {
        events.add("overheard " + message.type() + " from " + fromNode + " to " + message.get("dest").orElse("?"));
    }
}
