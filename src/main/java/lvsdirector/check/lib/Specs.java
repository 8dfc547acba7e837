package lvsdirector.check.lib;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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

    static void requireRegex(String receive) {
        Objects.requireNonNull(receive, "receive");
        try {
            Pattern.compile(receive);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid receive regex: " + e.getDescription(), e);
        }
    }

    /** ldirectord strips one leading "/" from the request of every non-http check. */
    static String stripSlash(String request) {
        return request != null && request.startsWith("/") ? request.substring(1) : request;
    }
}
