package lvsdirector.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges whose set of series follows a snapshot: {@link #show} sets every given series, creates the new
 * ones and removes those the snapshot no longer has (a real dropped by a reload leaves no stale series).
 */
final class GaugeBoard {

    /** One gauge series to show. */
    record Sample(String name, String description, Tags tags, double value) {}

    private record Key(String name, Tags tags) {}

    private final MeterRegistry registry;
    private final Map<Key, Held> held = new HashMap<>();

    /** The value and the gauge reading it; the map keeps the value strongly reachable (gauges hold it weakly). */
    private record Held(AtomicLong bits, Gauge gauge) {}

    GaugeBoard(MeterRegistry registry) {
        this.registry = registry;
    }

    synchronized void show(List<Sample> samples) {
        Set<Key> seen = new HashSet<>();
        for (Sample s : samples) {
            Key key = new Key(s.name(), s.tags());
            seen.add(key);
            Held h = held.computeIfAbsent(key, k -> register(s));
            h.bits().set(Double.doubleToLongBits(s.value()));
        }
        held.entrySet().removeIf(e -> {
            if (seen.contains(e.getKey())) {
                return false;
            }
            registry.remove(e.getValue().gauge());
            return true;
        });
    }

    private Held register(Sample s) {
        AtomicLong bits = new AtomicLong();
        Gauge gauge = Gauge.builder(s.name(), bits, b -> Double.longBitsToDouble(b.get()))
                .description(s.description()).tags(s.tags()).register(registry);
        return new Held(bits, gauge);
    }
}
