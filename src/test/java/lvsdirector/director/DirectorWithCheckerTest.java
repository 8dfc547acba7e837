package lvsdirector.director;

import static lvsdirector.director.Cf.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.scheduler.VertxHealthChecker;
import lvsdirector.config.CheckType;
import lvsdirector.config.Forwarding;
import lvsdirector.config.RealConfig;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;

/** The director with the real checker: connect checks against a listener on 127.0.0.1 drive the table. */
class DirectorWithCheckerTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aListenerThatGoesAwayIsDeletedAndTheFallbackTakesOver() throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        int port = server.getLocalPort();
        RealConfig real = Cf.real("127.0.0.1", port, Forwarding.MASQ, 2);
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).check(Cf.check(CheckType.CONNECT, ServiceType.HTTP)).real(real)
                .fallback(Cf.fallback("127.0.0.2", 80, Forwarding.MASQ)).build();
        Director director = new Director(h.context, h.backend, l -> new VertxHealthChecker(h.vertx, h.context, l),
                CheckPlanner::plan, h.effects, Clock.systemUTC());
        h.mark();
        Harness.await(director.start(Cf.config(DirectorBehaviourTest.everySecond(), v)));
        assertThat(h.logsSince()).containsExactly(
                "Added virtual server: 10.0.0.1:80",
                "Added fallback server: 127.0.0.2:80 (10.0.0.1:80) (Weight set to 1)",
                "Added real server: 127.0.0.1:" + port + " (10.0.0.1:80) (Weight set to 2)",
                "Deleted fallback server: 127.0.0.2:80 (10.0.0.1:80)");

        server.close();
        ServiceKey vs = new ServiceKey.Address(Protocol.TCP, ip("10.0.0.1"), 80);
        // The table changes on the IPVS worker thread and the round is logged after it, on the director's
        // context: wait for both.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(h.backend.destinations(vs)).singleElement()
                    .satisfies(d -> assertThat(d.destination().address()).isEqualTo(ip("127.0.0.2")));
            assertThat(h.log.all()).contains("Deleted real server: 127.0.0.1:" + port + " (10.0.0.1:80)",
                    "Added fallback server: 127.0.0.2:80 (10.0.0.1:80) (Weight set to 1)");
        });
        Harness.await(director.stop());
        assertThat(h.backend.services()).isEmpty();
    }
}
