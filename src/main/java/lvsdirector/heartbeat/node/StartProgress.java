package lvsdirector.heartbeat.node;

import java.time.Duration;

/**
 * What a starting peer is doing right now, readable from any thread: when the start takes too long the
 * operator is told which step never finished instead of a bare time-out. Each step is named in words
 * an operator can act on ("opening the media on eth0", "signing the first status packet").
 */
public final class StartProgress {
    private final long startedNanos = System.nanoTime();
    private volatile String step = "not started";
    private volatile long stepStartedNanos = startedNanos;

    /** Marks the beginning of {@code description}; the previous step is taken as finished. */
    public void step(String description) {
        stepStartedNanos = System.nanoTime();
        step = description;
    }

    /** The step that began last and how long it has been running, e.g. {@code "opening the media (12.3 s)"}. */
    public String current() {
        String description = step;
        return description + " (" + seconds(Duration.ofNanos(System.nanoTime() - stepStartedNanos)) + ")";
    }

    /** Time since this progress was created. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
