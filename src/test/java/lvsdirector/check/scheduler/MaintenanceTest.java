package lvsdirector.check.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.Health;
import lvsdirector.check.OffCheck;
import lvsdirector.check.OnCheck;
import lvsdirector.check.OnContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class MaintenanceTest {
    private static final InetAddress RIP = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    private Vertx vertx;
    private Context context;
    private FakeProber prober;
    private VertxHealthChecker checker;
    private final AtomicInteger lookups = new AtomicInteger();
    private final List<CheckOutcome> outcomes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        prober = new FakeProber(vertx);
        // one cache per check loop, all counting their lookups here
        Supplier<ReverseNames> names = () -> new ReverseNames(vertx, address -> {
            lookups.incrementAndGet();
            return "web1.example.com";
        }, Duration.ofSeconds(1), Duration.ofMinutes(1));
        checker = OnContext.call(context, () -> new VertxHealthChecker(vertx, context,
                (job, outcome) -> outcomes.add(outcome), prober, names, false, Duration.ofMillis(200)));
    }

    @AfterEach
    void stop() {
        OnContext.run(context, checker::close);
        vertx.close().await();
    }

    private CheckJob job(Object kind) {
        var spec = kind == OnCheck.class ? new OnCheck(RIP, 80)
                : kind == OffCheck.class ? new OffCheck(RIP, 80)
                : new ConnectCheck(RIP, 80, Duration.ofSeconds(1));
        return new CheckJob(spec, Duration.ofMillis(50), 3, dir);
    }

    private void setJobs(CheckJob job, Health initial) {
        OnContext.run(context, () -> checker.setJobs(Map.of(job, initial)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:80", "127.0.0.1", "web1.example.com:80", "web1.example.com", "web1:80", "web1"})
    void anyOfTheSixNamesForcesTheServerDownWithoutAProbe(String file) throws IOException {
        Files.createFile(dir.resolve(file));
        CheckJob job = job(ConnectCheck.class);
        setJobs(job, Health.UP);

        await().atMost(Duration.ofSeconds(3)).until(() -> !outcomes.isEmpty());
        CheckOutcome first = outcomes.get(0);
        assertThat(first.transition()).as("bypasses failurecount 3").isEqualTo(Transition.WENT_DOWN);
        assertThat(first.result().message()).isEqualTo("Server in maintenance");
        assertThat(first.result().forced()).isTrue();
        assertThat(first.result().reason()).isEqualTo(FailureReason.MAINTENANCE);
        assertThat(prober.probes).isEmpty();
    }

    @Test
    void otherPortsAndOtherHostsDoNotMatch() throws IOException {
        Files.createFile(dir.resolve("127.0.0.1:8080"));
        Files.createFile(dir.resolve("web2"));
        setJobs(job(ConnectCheck.class), Health.DOWN);

        await().atMost(Duration.ofSeconds(3)).until(() -> !outcomes.isEmpty());
        assertThat(outcomes.get(0).transition()).isEqualTo(Transition.WENT_UP);
    }

    @Test
    void anEmptyDirectoryNeedsNoReverseLookup() {
        setJobs(job(ConnectCheck.class), Health.DOWN);
        await().atMost(Duration.ofSeconds(3)).until(() -> outcomes.size() >= 3);
        assertThat(lookups.get()).isZero();
    }

    @Test
    void removingTheFileLetsTheNextCheckDecide() throws IOException {
        Path file = Files.createFile(dir.resolve("127.0.0.1"));
        CheckJob job = job(ConnectCheck.class);
        setJobs(job, Health.UP);
        await().atMost(Duration.ofSeconds(3)).until(() -> OnContext.call(context, () -> checker.health(job)) == Health.DOWN);

        Files.delete(file);
        await().atMost(Duration.ofSeconds(3)).until(() -> OnContext.call(context, () -> checker.health(job)) == Health.UP);
        assertThat(prober.probes).isNotEmpty();
    }

    @Test
    void appliesToCheckTypeOnToo() throws IOException {
        Files.createFile(dir.resolve("127.0.0.1:80"));
        setJobs(job(OnCheck.class), Health.UP);
        await().atMost(Duration.ofSeconds(3)).until(() -> !outcomes.isEmpty());
        assertThat(outcomes.get(0).transition()).isEqualTo(Transition.WENT_DOWN);
    }

    @Test
    void offChecksOnlyChangeThroughMaintenance() throws IOException, InterruptedException {
        CheckJob job = job(OffCheck.class);
        setJobs(job, Health.UP);
        Thread.sleep(300);
        assertThat(outcomes).isEmpty();
        assertThat(prober.probes).isEmpty();

        Files.createFile(dir.resolve("127.0.0.1"));
        await().atMost(Duration.ofSeconds(3)).until(() -> !outcomes.isEmpty());
        assertThat(outcomes.get(0).transition()).isEqualTo(Transition.WENT_DOWN);
        assertThat(prober.probes).isEmpty();
    }

    @Test
    void reverseLookupsAreCached() throws IOException {
        Files.createFile(dir.resolve("unrelated"));
        setJobs(job(ConnectCheck.class), Health.DOWN);
        await().atMost(Duration.ofSeconds(3)).until(() -> outcomes.size() >= 5);
        assertThat(lookups.get()).isEqualTo(1);
    }

    @Test
    void ipv6NamesAreBracketed() {
        assertThat(Maintenance.addressNames(addr("2001:db8::1"), 80)).containsExactly("[2001:db8::1]:80", "[2001:db8::1]");
    }

    @Test
    void shortNameOnlyForNamesThatLookLikeHostDotDomain() {
        assertThat(Maintenance.hostNames("web1.example.com", 80))
                .containsExactly("web1.example.com:80", "web1.example.com", "web1:80", "web1");
        assertThat(Maintenance.hostNames("1host.example.com", 80)).containsExactly("1host.example.com:80",
                "1host.example.com");
    }

    @Test
    void slowReverseLookupGivesUpQuickly() throws InterruptedException {
        java.util.concurrent.CountDownLatch resolverMayAnswer = new java.util.concurrent.CountDownLatch(1);
        ReverseNames slow = new ReverseNames(vertx, address -> {
            try {
                resolverMayAnswer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late.example.com";
        }, Duration.ofMillis(100), Duration.ofMinutes(1));
        long start = System.nanoTime();
        String name = OnContext.await(context, () -> slow.lookup(RIP));
        assertThat(name).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));

        // the late answer still lands in the cache for the next check
        resolverMayAnswer.countDown();
        await().atMost(Duration.ofSeconds(2))
                .until(() -> "late.example.com".equals(OnContext.await(context, () -> slow.lookup(RIP))));
    }

    private static InetAddress addr(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
