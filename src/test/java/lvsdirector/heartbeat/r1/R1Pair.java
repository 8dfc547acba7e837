package lvsdirector.heartbeat.r1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import lvsdirector.heartbeat.config.AutoFailback;
import lvsdirector.heartbeat.config.Haresources;
import lvsdirector.heartbeat.config.Resource;
import lvsdirector.heartbeat.config.ResourceGroup;
import lvsdirector.heartbeat.node.LocalMembership;
import lvsdirector.heartbeat.node.MembershipSettings;
import lvsdirector.heartbeat.node.MessageSender;
import lvsdirector.heartbeat.node.NodeStatus;
import lvsdirector.heartbeat.resource.GroupActions;
import lvsdirector.heartbeat.wire.AuthKey;
import lvsdirector.heartbeat.wire.AuthKeys;
import lvsdirector.heartbeat.wire.AuthMethod;
import lvsdirector.heartbeat.wire.DecodeResult;
import lvsdirector.heartbeat.wire.Message;
import lvsdirector.heartbeat.wire.PacketDecoder;
import lvsdirector.heartbeat.wire.SenderIdentity;

/**
 * Two complete nodes (membership + R1 manager) on a fake clock, exchanging real signed packets through
 * the codec. Resource jobs run one step (100 ms) after they were submitted, so transitions are visible.
 * haresources: {@code nodea A1 A2} and {@code nodeb B1}.
 */
final class R1Pair {
    static final AuthKeys KEYS = AuthKeys.single(new AuthKey(1, AuthMethod.SHA1, "r1-test-key"));
    static final Haresources HARESOURCES = new Haresources(List.of(group("nodea", "A1", "A2"), group("nodeb", "B1")));
    static final R1Timing TIMING = R1Timing.HEARTBEAT;

    long now = 1_000_000_000L;
    final List<String> actions = new ArrayList<>();
    final Node a;
    final Node b;
    final AutoFailback mode;
    StonithHook stonith = StonithHook.NONE;
    /** Drops every packet in both directions while set (the nodes keep running). */
    boolean partitioned;

    /** Both nodes started and settled (15 s on the fake clock): each runs its own group. */
    static R1Pair settled(AutoFailback mode) {
        R1Pair pair = new R1Pair(mode);
        pair.a.start();
        pair.b.start();
        pair.advanceSeconds(15);
        return pair;
    }

    R1Pair(AutoFailback mode) {
        this.mode = mode;
        a = new Node("nodea", 1);
        b = new Node("nodeb", 1);
    }

    static ResourceGroup group(String node, String... resources) {
        List<Resource> list = new ArrayList<>();
        for (String r : resources) {
            list.add(new Resource(r, r, List.of()));
        }
        return new ResourceGroup(node, list, 1);
    }

    Node other(Node n) {
        return n == a ? b : a;
    }

    /** Advances the clock in 100 ms steps: packets delivered, jobs run, ticks. */
    void advanceSeconds(double seconds) {
        long steps = Math.round(seconds * 10);
        for (long i = 0; i < steps; i++) {
            now += 100_000_000L;
            for (Node n : List.of(a, b)) {
                n.step();
            }
        }
    }

    /** One running node; {@link #kill} silences it, {@link #start} boots it with a higher generation. */
    final class Node {
        final String name;
        long generation;
        boolean running;
        /** Receives nothing while set (a one-way partition); what it sends still arrives. */
        boolean deaf;
        LocalMembership membership;
        R1Manager manager;
        /** Sees every membership event before the manager does (e.g. metrics); null for none. */
        lvsdirector.heartbeat.node.MembershipListener observer;
        final Set<String> runningGroups = new HashSet<>();
        /** Group keys whose start fails on this node. */
        final Set<String> failing = new HashSet<>();
        final List<Message> sent = new ArrayList<>();
        private final List<byte[]> inbox = new ArrayList<>();
        private final List<Runnable[]> jobs = new ArrayList<>();
        private final PacketDecoder decoder = new PacketDecoder(KEYS);

        Node(String name, long generation) {
            this.name = name;
            this.generation = generation;
        }

        void start() {
            running = true;
            inbox.clear();
            jobs.clear();
            MembershipSettings settings = new MembershipSettings(name, List.of("nodea", "nodeb"), Duration.ofSeconds(1),
                    Duration.ofSeconds(6), Duration.ofSeconds(3), Duration.ofSeconds(12), Duration.ofMillis(250));
            byte[] uuid = new byte[16];
            uuid[0] = (byte) name.charAt(4);
            membership = new LocalMembership(settings, uuid, 3, () -> ++generation,
                    identity -> new MessageSender(identity, KEYS, true, this::transmit, () -> now / 1_000_000_000L, () -> "0.00"),
                    sender -> {
                        ResourceWork work = (job, done) -> jobs.add(new Runnable[] {job, done});
                        Groups groups = new Groups(HARESOURCES, name, actions(), work, () -> now, TIMING);
                        manager = new R1Manager(name, settings.nodes(), mode, groups, sender::send, () -> now, stonith, TIMING);
                        return observer == null ? manager : lvsdirector.heartbeat.node.MembershipListeners.observed(manager, observer);
                    }, () -> now, new Random(name.hashCode()), Runnable::run);
            try {
                membership.start();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }

        /** SIGKILL: nothing more is sent or received; its resources are gone with it. */
        void kill() {
            running = false;
            runningGroups.clear();
        }

        /** Graceful stop as HeartbeatNode does it: release, then shutdone. */
        void stop() {
            membership.stop(true).thenRun(() -> running = false);
        }

        private void transmit(byte[] packet) {
            DecodeResult decoded = decoder.decode(packet);
            if (!(decoded instanceof DecodeResult.Accepted accepted)) {
                throw new AssertionError(name + " sent a packet that does not verify: " + decoded);
            }
            sent.add(accepted.message());
            Node peer = other(this);
            if (peer.running && !partitioned && !peer.deaf) {
                peer.inbox.add(packet);
            }
        }

        void step() {
            if (!running) {
                return;
            }
            List<byte[]> packets = new ArrayList<>(inbox);
            inbox.clear();
            for (byte[] p : packets) {
                if (decoder.decode(p) instanceof DecodeResult.Accepted accepted) {
                    membership.receive(accepted.message());
                }
            }
            List<Runnable[]> due = new ArrayList<>(jobs);
            jobs.clear();
            for (Runnable[] job : due) {
                job[0].run();
                job[1].run();
            }
            membership.tick();
        }

        private GroupActions actions() {
            return new GroupActions() {
                @Override
                public void acquire(ResourceGroup group) throws lvsdirector.heartbeat.resource.ResourceException {
                    actions.add(name + " start " + group.key());
                    if (failing.contains(group.key())) {
                        throw new lvsdirector.heartbeat.resource.ResourceException(group.key() + ": start failed");
                    }
                    runningGroups.add(group.key());
                }

                @Override
                public void release(ResourceGroup group) {
                    actions.add(name + " stop " + group.key());
                    runningGroups.remove(group.key());
                }
            };
        }

        String rsc() {
            return manager.rscStatus();
        }

        NodeStatus statusOf(String node) {
            return membership.statuses().get(node);
        }

        /** The R1 messages this node sent, as "type rsc_hold info" lines. */
        List<String> r1Sent() {
            return sent.stream().filter(m -> List.of("starting", "resource", "ask_resources", "hb_takeover", "stonith", "ip-request",
                    "ip-request-resp").contains(m.type())).map(m -> (m.type() + " " + m.get("rsc_hold").or(() -> m.get("ipaddr")).orElse("")
                    + " " + m.get("isstable").map(s -> "stable=" + s).orElse("") + " " + m.get("info").or(() -> m.get("result")).orElse(""))
                    .replaceAll(" +", " ").strip()).toList();
        }
    }
}
