package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import lvsdirector.heartbeat.config.HaCf;
import lvsdirector.heartbeat.config.HaCfParser;
import lvsdirector.heartbeat.wire.AuthKey;
import lvsdirector.heartbeat.wire.AuthKeys;
import lvsdirector.heartbeat.wire.AuthMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two of our nodes over real UDP (ucast on 127.0.0.1 and 127.0.0.2), with heartbeat's timing scaled down. */
class HeartbeatNodeLoopbackTest {
    private static final AuthKeys KEYS = AuthKeys.single(new AuthKey(1, AuthMethod.MD5, "loopback"));

    @TempDir
    Path tmp;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HaCf haCf(int port, String peer) throws Exception {
        return HaCfParser.parse("ha.cf", "keepalive 200ms\ndeadtime 1\nwarntime 500ms\ninitdead 2\nudpport " + port
                + "\nucast lo " + peer + "\nnode nodea nodeb\n");
    }

    private record Events(List<String> list) implements MembershipListener {
        Events() {
            this(new CopyOnWriteArrayList<>());
        }

        @Override
        public void nodeUp(String node) {
            list.add("up " + node);
        }

        @Override
        public void nodeDead(String node) {
            list.add("dead " + node);
        }

        @Override
        public void nodeRestarted(String node, long oldGeneration, long newGeneration) {
            list.add("restart " + node + " " + (newGeneration - oldGeneration));
        }
    }

    private HeartbeatNode start(String node, String listen, String peer, int port, MembershipListener listener) throws Exception {
        return HeartbeatNode.start(vertx, haCf(port, peer), KEYS, node, new StateDirectory(tmp.resolve(node)), listen, listener)
                .await(10, TimeUnit.SECONDS);
    }

    @Test
    void twoNodesGoActiveDetectDeathAndSeeARestartWithAHigherGeneration() throws Exception {
        int port = freeUdpPort();
        Events eventsA = new Events();
        HeartbeatNode a = start("nodea", "127.0.0.1", "127.0.0.2", port, eventsA);
        HeartbeatNode b = start("nodeb", "127.0.0.2", "127.0.0.1", port, new Events());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(a.statuses()).containsEntry("nodea", NodeStatus.ACTIVE).containsEntry("nodeb", NodeStatus.ACTIVE);
            assertThat(b.statuses()).containsEntry("nodea", NodeStatus.ACTIVE).containsEntry("nodeb", NodeStatus.ACTIVE);
        });
        assertThat(eventsA.list()).containsExactly("up nodeb");

        b.stop(false).await(5, TimeUnit.SECONDS);
        long stopped = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(() -> a.statuses().get("nodeb") == NodeStatus.DEAD);
        long detectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
        // deadtime 1 s after the last status, which left up to one keepalive (200 ms) before the stop
        assertThat(detectedMillis).isBetween(600L, 3000L);
        assertThat(eventsA.list()).containsExactly("up nodeb", "dead nodeb");

        long oldGeneration = b.identity().generation();
        HeartbeatNode b2 = start("nodeb", "127.0.0.2", "127.0.0.1", port, new Events());
        assertThat(b2.identity().generation()).isEqualTo(oldGeneration + 1);
        assertThat(b2.identity().uuid()).isEqualTo(b.identity().uuid());
        await().atMost(Duration.ofSeconds(10)).until(() -> a.statuses().get("nodeb") == NodeStatus.ACTIVE);
        assertThat(eventsA.list()).containsExactly("up nodeb", "dead nodeb", "restart nodeb 1", "up nodeb");

        b2.stop(true).await(5, TimeUnit.SECONDS);
        a.stop(true).await(5, TimeUnit.SECONDS);
    }
}
