package lvsdirector.cli.heartbeat;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import lvsdirector.heartbeat.config.HaCf;
import lvsdirector.heartbeat.node.StartProgress;

/**
 * How long {@code heartbeat start} waits for the peer to come up, and what it says when the start fails.
 * The start only reads the state directory, opens sockets, builds the resource layer and sends the first
 * packet, a fraction of a second on a normal host; but a JVM on a busy single-CPU machine (a UML kernel
 * under load) was measured taking over 10 s for its first HMAC alone. The peers allow a node {@code initdead}
 * to show up, so the wait is that, and never less than {@link #FLOOR}.
 */
final class StartWait {
    static final Duration FLOOR = Duration.ofMinutes(2);

    private StartWait() {}

    static Duration bound(HaCf haCf) {
        return haCf.initdead().compareTo(FLOOR) > 0 ? haCf.initdead() : FLOOR;
    }

    /** The error for a start that did not finish within {@code bound}: which step hung and what to do. */
    static String timedOut(Duration bound, StartProgress progress) {
        return "the peer did not start within " + bound.toSeconds() + " s (initdead in ha.cf, at least "
                + FLOOR.toSeconds() + " s); still " + progress.current()
                + ". The host is probably starved of CPU: check the load (and `realtime` in ha.cf), then start again;"
                + " a longer initdead gives a slow host more time";
    }

    /** The error for a start that failed: the cause's own message, or its type when it has none. */
    static String failed(Throwable failure, StartProgress progress) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
        return text + " (while " + progress.current() + ")";
    }
}
