package lvsdirector.check.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.Prober;

/** A prober whose answers the test scripts per spec, recording every probe it was asked for. */
final class FakeProber implements Prober {
    enum Answer { UP, DOWN, THROW, HANG }

    record Probe(CheckSpec spec, long startNanos, String thread) {}

    private final Vertx vertx;
    private final Map<CheckSpec, Answer> answers = new ConcurrentHashMap<>();
    private final Map<CheckSpec, Duration> delays = new ConcurrentHashMap<>();
    private final Map<CheckSpec, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final List<Probe> probes = new CopyOnWriteArrayList<>();
    final AtomicInteger maxConcurrentPerSpec = new AtomicInteger();

    FakeProber(Vertx vertx) {
        this.vertx = vertx;
    }

    FakeProber answer(CheckSpec spec, Answer answer) {
        answers.put(spec, answer);
        return this;
    }

    FakeProber delay(CheckSpec spec, Duration delay) {
        delays.put(spec, delay);
        return this;
    }

    long count(CheckSpec spec) {
        return probes.stream().filter(p -> p.spec().equals(spec)).count();
    }

    List<Long> starts(CheckSpec spec) {
        return probes.stream().filter(p -> p.spec().equals(spec)).map(Probe::startNanos).toList();
    }

    @Override
    public Future<CheckResult> probe(CheckSpec spec) {
        probes.add(new Probe(spec, System.nanoTime(), Thread.currentThread().getName()));
        AtomicInteger running = inFlight.computeIfAbsent(spec, s -> new AtomicInteger());
        maxConcurrentPerSpec.accumulateAndGet(running.incrementAndGet(), Math::max);
        Answer answer = answers.getOrDefault(spec, Answer.UP);
        if (answer == Answer.THROW) {
            running.decrementAndGet();
            throw new IllegalStateException("prober bug");
        }
        Promise<CheckResult> result = Promise.promise();
        if (answer == Answer.HANG) {
            return result.future();
        }
        Runnable complete = () -> {
            running.decrementAndGet();
            result.complete(answer == Answer.UP ? CheckResult.ok("200 OK", Duration.ZERO)
                    : CheckResult.failed(FailureReason.REFUSED, "500 Can't connect", Duration.ZERO));
        };
        Duration delay = delays.get(spec);
        if (delay == null) {
            complete.run();
        } else {
            vertx.setTimer(delay.toMillis(), id -> complete.run());
        }
        return result.future();
    }
}
