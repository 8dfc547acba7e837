package lvsdirector.heartbeat.config;

/** A warning or "not implemented" note about a config line that does not stop the daemon. */
public record ConfigNotice(String file, int line, String message) {

    /** {@code file:line: message}, the form the daemon logs. */
    public String format() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
}
