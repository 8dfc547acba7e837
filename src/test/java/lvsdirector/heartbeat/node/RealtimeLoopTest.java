package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lvsdirector.netlink.sched.RealtimeScheduling;
import org.junit.jupiter.api.Test;

/** The scheduling call the peer makes for its loop thread, on a thread of its own (put back afterwards). */
class RealtimeLoopTest {
    @Test
    void aThreadBecomesFifoOrGetsAClearRefusal() throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                RealtimeScheduling.fifoForCurrentThread(1);
                boolean fifo = RealtimeScheduling.currentThreadIsFifo();
                RealtimeScheduling.ordinaryForCurrentThread();
                outcome.complete(fifo && !RealtimeScheduling.currentThreadIsFifo() ? "fifo, then ordinary" : "not switched");
            } catch (IOException e) {
                outcome.complete(e.getMessage());
            }
        });
        thread.start();
        String result = outcome.get(10, TimeUnit.SECONDS);
        // as root (CI) the switch works; unprivileged, the refusal names the reason
        assertThat(result).matches("fifo, then ordinary|cannot set SCHED_FIFO priority 1: not permitted \\(needs root or CAP_SYS_NICE\\)");
        assertThat(RealtimeScheduling.currentThreadIsFifo()).as("the test thread itself").isFalse();
    }

    @Test
    void priorityOutsideOneToNinetyNineIsRefused() {
        assertThatThrownBy(() -> RealtimeScheduling.fifoForCurrentThread(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SCHED_FIFO priority must be 1-99, got 0");
    }
}
