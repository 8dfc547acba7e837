package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HeartbeatMonitorTest {

    @Test
    void aSlowSourceNeverDelaysTheReaderAndItsAnswerArrivesLater() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HeartbeatView answer = new HeartbeatView("active", "active (a; no peer; resources: all)");
        try (HeartbeatMonitor monitor = new HeartbeatMonitor(node -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(answer);
        }, "a").start()) {
            long started = System.nanoTime();
            HeartbeatView first = monitor.current();
            // the source blocks for up to 10 s; a bound far below that, not a few ms a busy machine can lose to
            // preemption or a GC pause, is what tells a field read from a wait for the source
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(first).isEqualTo(HeartbeatView.unknown("not read yet"));
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> monitor.current().equals(answer));
        }
    }

    @Test
    void noRunningPeerIsNotRunningAndAFailingSourceIsUnreadableWithItsReason() {
        HeartbeatMonitor none = new HeartbeatMonitor(node -> Optional.empty(), "a");
        none.refresh();
        assertThat(none.current()).isEqualTo(HeartbeatView.NOT_RUNNING);
        HeartbeatMonitor broken = new HeartbeatMonitor(node -> {
            throw new IllegalStateException("boom");
        }, "a");
        broken.refresh();
        assertThat(broken.current()).isEqualTo(new HeartbeatView("unreadable", "unreadable (java.lang.IllegalStateException: boom)"));
    }

    @Test
    void theLocalNodeNameIsPassedToTheSource() {
        AtomicReference<String> asked = new AtomicReference<>();
        HeartbeatMonitor monitor = new HeartbeatMonitor(node -> {
            asked.set(node);
            return Optional.empty();
        }, "director-1");
        monitor.refresh();
        assertThat(asked.get()).isEqualTo("director-1");
    }

    @Test
    void firstRunningTakesTheFirstSourceThatFindsItsPeer() {
        HeartbeatView real = new HeartbeatView("up", "up (a; peer b active; resources: none)");
        assertThat(HeartbeatSource.firstRunning(n -> Optional.empty(), n -> Optional.of(real)).read("a")).contains(real);
        assertThat(HeartbeatSource.firstRunning(n -> Optional.empty(), n -> Optional.empty()).read("a"))
                .contains(HeartbeatView.NOT_RUNNING);
    }
}
