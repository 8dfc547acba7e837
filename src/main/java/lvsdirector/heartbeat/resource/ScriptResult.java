package lvsdirector.heartbeat.resource;

/**
 * How one script run ended.
 *
 * @param exitCode the exit status, or -1 when the run timed out and was killed
 */
public record ScriptResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** A short description for logs: exit code or timeout, and the first line of output. */
    public String summary() {
        String out = (stdout.strip() + " " + stderr.strip()).strip();
        String first = out.lines().findFirst().orElse("");
        return (timedOut ? "timed out" : "exit " + exitCode) + (first.isEmpty() ? "" : ": " + first);
    }
}
