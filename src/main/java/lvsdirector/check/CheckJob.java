package lvsdirector.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A check to run repeatedly: spec, interval, how many consecutive failures take the server down, and
 * the maintenance directory consulted before each check (null when none). Equality is identity:
 * jobs that compare equal share one probe and one state.
 */
public record CheckJob(CheckSpec spec, Duration interval, int failureCount, Path maintenanceDir) {
    public CheckJob {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(interval, "interval");
        if (failureCount < 1) {
            throw new IllegalArgumentException("failureCount must be >= 1");
        }
    }
}
