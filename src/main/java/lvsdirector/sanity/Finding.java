package lvsdirector.sanity;

import java.util.Objects;

/**
 * One problem of the host found at start-up.
 *
 * @param problem what is wrong and what it breaks
 * @param fix     what the operator should do about it
 */
public record Finding(String problem, String fix) {
    public Finding {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    /** The single log line reporting it. */
    public String logLine() {
        return "Warning: " + problem + "; fix: " + fix;
    }
}
