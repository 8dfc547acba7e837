package lvsdirector.heartbeat.resource;

import java.util.regex.Pattern;

/**
 * heartbeat's ResourceManager rule for a script's {@code status} output: only the text counts, never the
 * exit code. "not running" (any case of the first letters, blanks between) means stopped; otherwise
 * "running" or "OK" anywhere means running; anything else means stopped.
 */
public final class StatusText {
    private static final Pattern NOT_RUNNING = Pattern.compile("[Nn][Oo][Tt] *[Rr]unning");
    private static final Pattern RUNNING = Pattern.compile("[Rr]unning|OK");

    private StatusText() {}

    public static boolean running(String stdout) {
        if (NOT_RUNNING.matcher(stdout).find()) {
            return false;
        }
        return RUNNING.matcher(stdout).find();
    }
}
