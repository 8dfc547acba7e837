package lvsdirector.check.scheduler;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;

/**
 * How many event loops the probes run on, and their contexts. The default is one loop per core, at most
 * four (system property {@value #PROPERTY} overrides it). The loops are taken after the checker's own
 * context's loop, which is left to the director while the pool has loops enough. Count {@value #HOME} (only
 * when asked for) runs the probes on the director's own loop: in a one-CPU UML kernel it did 67 checks/s for
 * 200 reals against 32 with a loop of its own (one run each), but no integration test has run a director
 * with it yet, so one CPU keeps one loop of its own for now.
 */
final class CheckLoops {
    static final String PROPERTY = "lvsdirector.check.loops";
    static final int MAX_DEFAULT = 4;
    /** The count that means: no loop of their own, the probes run on the checker's context. */
    static final int HOME = 0;

    private CheckLoops() {}

    static int defaultCount() {
        return count(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors());
    }

    /** The property's value when it is a number ≥ 0, else min(cores, {@value #MAX_DEFAULT}). */
    static int count(String property, int cores) {
        if (property != null && !property.isBlank()) {
            try {
                int n = Integer.parseInt(property.trim());
                if (n >= HOME) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the default: a bad knob must not stop the checks
            }
        }
        return Math.max(1, Math.min(cores, MAX_DEFAULT));
    }

    /** {@code count} event-loop contexts, on distinct loops as far as the pool allows; {@code home} alone for {@value #HOME}. */
    static List<ContextInternal> contexts(Vertx vertx, Context home, int count) {
        if (count == HOME) {
            return List.of((ContextInternal) home);
        }
        VertxInternal internal = (VertxInternal) vertx;
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : internal.nettyEventLoopGroup()) {
            loops.add((EventLoop) executor);
        }
        EventLoop homeLoop = ((ContextInternal) home).nettyEventLoop();
        List<EventLoop> order = order(loops, homeLoop, count);
        List<ContextInternal> contexts = new ArrayList<>();
        for (EventLoop loop : order) {
            contexts.add(internal.contextBuilder().withEventLoop(loop).build());
        }
        return contexts;
    }

    /**
     * The loops to use, starting after {@code home}: home itself only when the pool has no more loops than
     * asked for; loops are reused round-robin when more are asked for than exist.
     */
    static <L> List<L> order(List<L> loops, L home, int count) {
        int homeIndex = Math.max(0, loops.indexOf(home));
        List<L> candidates = new ArrayList<>();
        for (int i = 1; i <= loops.size(); i++) {
            L loop = loops.get((homeIndex + i) % loops.size());
            if (loop != home || loops.size() <= count) {
                candidates.add(loop);
            }
        }
        List<L> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(candidates.get(i % candidates.size()));
        }
        return chosen;
    }
}
