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

    /**
     * Worker threads (Vert.x, the resource worker) are created lazily by the loop thread and resource scripts
     * are started from them: none may inherit the loop's real-time policy. Measured in a UML kernel before the
     * fix: the resource worker and every Vert.x worker thread ran SCHED_FIFO.
     */
    @Test
    void threadsAndProcessesStartedByTheFifoThreadRunOrdinary() throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                RealtimeScheduling.fifoForCurrentThread(1);
                CompletableFuture<Boolean> childFifo = new CompletableFuture<>();
                Thread child = new Thread(() -> {
                    try {
                        childFifo.complete(RealtimeScheduling.currentThreadIsFifo());
                    } catch (IOException e) {
                        childFifo.completeExceptionally(e);
                    }
                });
                child.start();
                Process process = new ProcessBuilder("cat", "/proc/self/stat").start();
                String stat = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
                process.waitFor();
                boolean stillFifo = RealtimeScheduling.currentThreadIsFifo();
                RealtimeScheduling.ordinaryForCurrentThread();
                outcome.complete("loop fifo " + stillFifo + ", thread fifo " + childFifo.get(10, TimeUnit.SECONDS)
                        + ", process policy " + processPolicy(stat));
            } catch (IOException e) {
                outcome.complete(e.getMessage());
            } catch (Exception e) {
                outcome.completeExceptionally(e);
            }
        });
        thread.start();
        assertThat(outcome.get(20, TimeUnit.SECONDS)).matches(
                "loop fifo true, thread fifo false, process policy 0|cannot set SCHED_FIFO priority 1: not permitted \\(needs root or CAP_SYS_NICE\\)");
    }

    /** Field 41 of /proc/PID/stat (the 39th after the parenthesised command name). */
    private static String processPolicy(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).trim().split(" ");
        return fields[38];
    }

    @Test
    void priorityOutsideOneToNinetyNineIsRefused() {
        assertThatThrownBy(() -> RealtimeScheduling.fifoForCurrentThread(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SCHED_FIFO priority must be 1-99, got 0");
    }
}
