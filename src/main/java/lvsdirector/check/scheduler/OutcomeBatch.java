package lvsdirector.check.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Gathers a check loop's deliveries and hands them over as one list: the first delivery after a hand-over
 * queues a flush on the loop, so everything that completes in the same pass of the loop (all the
 * connections one epoll wake-up finished) travels to the director's context as one task instead of one
 * task each. Confined to the loop; the flush is queued through {@code loop}, which runs tasks later on it.
 */
final class OutcomeBatch {
    private final Executor loop;
    private final Consumer<List<Delivery>> handOver;
    private List<Delivery> pending = new ArrayList<>();
    private boolean flushQueued;

    OutcomeBatch(Executor loop, Consumer<List<Delivery>> handOver) {
        this.loop = loop;
        this.handOver = handOver;
    }

    void add(Delivery delivery) {
        pending.add(delivery);
        if (!flushQueued) {
            flushQueued = true;
            loop.execute(this::flush);
        }
    }

    private void flush() {
        flushQueued = false;
        List<Delivery> batch = pending;
        pending = new ArrayList<>();
        if (!batch.isEmpty()) {
            handOver.accept(batch);
        }
    }
}
