package lvsdirector.daemon;

import io.vertx.core.Future;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import lvsdirector.director.Director;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-socket requests of a hot-standby daemon: {@code role} prints {@code active} or
 * {@code standby} (followed by {@code hot-standby} when the daemon was started in standby, so a stop
 * returns it there instead of ending it); {@code activate} and {@code deactivate} switch and answer when
 * the IPVS table has been programmed or released.
 */
final class StandbyControl {
    private static final Logger LOG = LoggerFactory.getLogger(StandbyControl.class);
    private static final long SWITCH_LIMIT_SECONDS = 30;

    private final Supplier<Director> director;
    private final BooleanSupplier hotStandby;
    private final Runnable activated;
    private final Runnable deactivating;

    /**
     * @param activated    runs once the table is programmed (e.g. the sync master and the restore)
     * @param deactivating runs before the table is released (e.g. the last persistence snapshot)
     */
    StandbyControl(Supplier<Director> director, BooleanSupplier hotStandby, Runnable activated, Runnable deactivating) {
        this.director = director;
        this.hotStandby = hotStandby;
        this.activated = activated;
        this.deactivating = deactivating;
    }

    /** Handles the request if it is one of ours; empty otherwise. */
    java.util.OptionalInt handle(List<String> request, PrintWriter out) {
        Director d = director.get();
        switch (request.get(0)) {
            case "role":
                out.println(role(d));
                return java.util.OptionalInt.of(0);
            case "activate":
                long received = System.nanoTime();
                boolean wasActive = d != null && d.active();
                int activation = await(d == null ? null : d.activate(), "activate", d, out);
                LOG.debug("activate request done in {} ms (was active: {})", (System.nanoTime() - received) / 1_000_000, wasActive);
                if (activation == 0 && !wasActive) {
                    activated.run();
                }
                return java.util.OptionalInt.of(activation);
            case "deactivate":
                if (d != null && d.active()) {
                    deactivating.run();
                }
                return java.util.OptionalInt.of(await(d == null ? null : d.deactivate(), "deactivate", d, out));
            default:
                return java.util.OptionalInt.empty();
        }
    }

    private String role(Director d) {
        String role = d == null ? "starting" : d.active() ? "active" : "standby";
        return hotStandby.getAsBoolean() ? role + " hot-standby" : role;
    }

    private int await(Future<Void> switched, String what, Director d, PrintWriter out) {
        if (switched == null) {
            out.println("cannot " + what + ": the director has not started yet; try again in a moment");
            return 1;
        }
        try {
            switched.toCompletionStage().toCompletableFuture().get(SWITCH_LIMIT_SECONDS, TimeUnit.SECONDS);
            out.println(role(d));
            return 0;
        } catch (java.util.concurrent.TimeoutException e) {
            out.println("cannot " + what + ": no answer within " + SWITCH_LIMIT_SECONDS + "s; see the log");
            return 1;
        } catch (java.util.concurrent.ExecutionException e) {
            out.println("cannot " + what + ": " + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("cannot " + what + ": interrupted");
            return 1;
        }
    }
}
