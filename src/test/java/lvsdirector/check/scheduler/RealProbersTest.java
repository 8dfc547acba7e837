package lvsdirector.check.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.Health;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.NoneCheck;
import lvsdirector.check.OnContext;
import lvsdirector.check.RawServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The checker with its real probers against loopback servers. */
@Timeout(30)
class RealProbersTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private record Seen(CheckJob job, CheckOutcome outcome) {}

    private Vertx vertx;
    private Context context;
    private VertxHealthChecker checker;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        checker = OnContext.call(context, () -> new VertxHealthChecker(vertx, context,
                (job, outcome) -> seen.add(new Seen(job, outcome))));
    }

    @AfterEach
    void stop() {
        OnContext.run(context, checker::close);
        vertx.close().await();
    }

    private List<CheckOutcome> outcomes(CheckJob job) {
        return seen.stream().filter(s -> s.job().equals(job)).map(Seen::outcome).toList();
    }

    @Test
    void hangingServerGoesDownWithinTheTimeoutWhileOthersStayUp() throws IOException {
        try (RawServer hanging = new RawServer(LOOPBACK, null);
             ServerSocket listening = new ServerSocket(0, 5, LOOPBACK)) {
            CheckJob http = new CheckJob(new HttpCheck(LOOPBACK, hanging.port(), "http://127.0.0.1:" + hanging.port()
                    + "/", "127.0.0.1", HttpCheck.Method.GET, "", Duration.ofMillis(400), false),
                    Duration.ofHours(1), 1, null);
            CheckJob connect = new CheckJob(new ConnectCheck(LOOPBACK, listening.getLocalPort(), Duration.ofSeconds(1)),
                    Duration.ofHours(1), 1, null);
            long start = System.nanoTime();
            OnContext.run(context, () -> checker.setJobs(Map.of(http, Health.UP, connect, Health.DOWN)));

            await().atMost(Duration.ofSeconds(3)).until(() -> outcomes(http).size() == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            assertThat(outcomes(http).get(0).transition()).isEqualTo(Transition.WENT_DOWN);
            assertThat(outcomes(http).get(0).result().message()).isEqualTo("500 Timeout Alarm");
            // the connect outcome is its own probe's delivery (its own batch, maybe another loop): wait for it
            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(outcomes(connect)).singleElement()
                    .extracting(CheckOutcome::transition).isEqualTo(Transition.WENT_UP));
        }
    }

    @Test
    void connectAndNoneChecksBringServersUpInTheFirstRound() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 5, LOOPBACK)) {
            CheckJob smtp = new CheckJob(new ConnectCheck(LOOPBACK, listening.getLocalPort(), Duration.ofSeconds(1)),
                    Duration.ofHours(1), 1, null);
            CheckJob none = new CheckJob(new NoneCheck(LOOPBACK, 0), Duration.ofHours(1), 1, null);
            OnContext.run(context, () -> checker.setJobs(Map.of(smtp, Health.DOWN, none, Health.DOWN)));
            OnContext.await(context, checker::runRound);
            assertThat(OnContext.call(context, () -> checker.health(smtp))).isEqualTo(Health.UP);
            assertThat(OnContext.call(context, () -> checker.health(none))).isEqualTo(Health.UP);
        }
    }
}
