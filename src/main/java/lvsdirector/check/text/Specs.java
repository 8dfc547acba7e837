package lvsdirector.check.text;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by this package's spec records. */
final class Specs {
    private Specs() {}

    static void requirePort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
    }

    static void requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Credentials go into command lines; a line break would let them inject a second command. */
    static String singleLine(String what, String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a line break");
        }
        return value;
    }
}
