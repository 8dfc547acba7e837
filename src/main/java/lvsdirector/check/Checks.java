package lvsdirector.check;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the spec records. */
final class Checks {
    private Checks() {}

    static void requirePort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }

    static void requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }
}
