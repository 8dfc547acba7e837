package lvsdirector.check.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.CheckResult;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.Health;
import org.junit.jupiter.api.Test;

/** The batching, driven by hand: the "loop" is a queue of tasks the test runs when it chooses. */
class OutcomeBatchTest {
    private final Queue<Runnable> loopTasks = new ArrayDeque<>();
    private final List<List<Delivery>> handedOver = new ArrayList<>();
    private final OutcomeBatch batch = new OutcomeBatch(loopTasks::add, handedOver::add);

    private static Delivery delivery(int port) {
        CheckJob job = new CheckJob(new ConnectCheck(InetAddress.getLoopbackAddress(), port, Duration.ofSeconds(1)),
                Duration.ofSeconds(1), 1, null);
        CheckOutcome outcome = new CheckOutcome(CheckResult.ok("Connected", Duration.ZERO), Health.UP,
                Transition.NONE, 0, 1);
        return new Delivery(job, outcome, List.of());
    }

    private void runLoopTasks() {
        while (!loopTasks.isEmpty()) {
            loopTasks.poll().run();
        }
    }

    @Test
    void everythingAddedBeforeTheLoopComesRoundTravelsAsOneBatch() {
        List<Delivery> added = List.of(delivery(1), delivery(2), delivery(3));
        added.forEach(batch::add);

        assertThat(loopTasks).as("one flush queued for the three").hasSize(1);
        assertThat(handedOver).as("nothing leaves before the loop runs the flush").isEmpty();
        runLoopTasks();
        assertThat(handedOver).containsExactly(added);
    }

    @Test
    void addsAfterAFlushStartANewBatch() {
        Delivery first = delivery(1);
        batch.add(first);
        runLoopTasks();
        Delivery second = delivery(2);
        Delivery third = delivery(3);
        batch.add(second);
        batch.add(third);
        runLoopTasks();

        assertThat(handedOver).containsExactly(List.of(first), List.of(second, third));
    }

    @Test
    void aDeliveryAddedWhileTheBatchIsHandedOverGoesInTheNextBatch() {
        Delivery late = delivery(9);
        OutcomeBatch[] self = new OutcomeBatch[1];
        List<List<Delivery>> seen = new ArrayList<>();
        self[0] = new OutcomeBatch(loopTasks::add, list -> {
            seen.add(list);
            if (seen.size() == 1) {
                self[0].add(late); // e.g. a listener on the loop that finishes another probe
            }
        });
        Delivery first = delivery(1);
        self[0].add(first);
        runLoopTasks();

        assertThat(seen).containsExactly(List.of(first), List.of(late));
    }
}
