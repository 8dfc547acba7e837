package lvsdirector.daemon;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the last {@link HeartbeatView} and refreshes it on its own thread, so a status request or the
 * event loop only ever reads a field; a slow source (a hung cl_status) delays nothing but the next view.
 */
final class HeartbeatMonitor implements AutoCloseable {
    static final long PERIOD_MILLIS = 2000;

    private final HeartbeatSource source;
    private final String localNode;
    private volatile HeartbeatView current = HeartbeatView.unknown("not read yet");
    private ScheduledExecutorService executor;

    HeartbeatMonitor(HeartbeatSource source, String localNode) {
        this.source = source;
        this.localNode = localNode;
    }

    /** Reads now and then every {@value #PERIOD_MILLIS} ms. */
    synchronized HeartbeatMonitor start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "heartbeat-status");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::refresh, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Reads the source once, on the caller's thread; never throws. */
    void refresh() {
        try {
            current = source.read(localNode).orElse(HeartbeatView.NOT_RUNNING);
        } catch (RuntimeException e) {
            current = HeartbeatView.unreadable(e.toString());
        }
    }

    HeartbeatView current() {
        return current;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** A monitor that never reads anything and always says n/a. */
    static HeartbeatMonitor notAsked() {
        HeartbeatMonitor m = new HeartbeatMonitor(n -> Optional.of(HeartbeatView.NOT_ASKED), "");
        m.current = HeartbeatView.NOT_ASKED;
        return m;
    }
}
