package lvsdirector.check;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import lvsdirector.check.CheckResult.FailureReason;

/** Turns connection-level exceptions into results worded like ldirectord's (LWP's) messages. */
public final class ProbeFailures {
    private ProbeFailures() {}

    /** "500 Timeout Alarm", ldirectord's message when a check runs out of time. */
    public static final String TIMEOUT_ALARM = "500 Timeout Alarm";

    /** Netty's native transport: "connect(..) failed: ", "finishConnect(..) failed with error(-111): ". */
    private static final Pattern NATIVE_CALL_PREFIX = Pattern.compile("^[A-Za-z]+\\(\\.\\.\\) failed( with error\\(-?\\d+\\))?: ");

    /** "Can't connect to 10.9.0.2:80 (Connection refused)" and friends. */
    public static CheckResult cantConnect(String hostPort, Throwable error, Duration latency) {
        FailureReason reason = reasonOf(error);
        return CheckResult.failed(reason, "Can't connect to " + hostPort + " (" + describe(error) + ")", latency);
    }

    public static CheckResult timeout(Duration latency) {
        return CheckResult.failed(FailureReason.TIMEOUT, TIMEOUT_ALARM, latency);
    }

    public static FailureReason reasonOf(Throwable error) {
        String text = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        if (error instanceof SSLException) {
            return FailureReason.TLS;
        }
        if (text.contains("timed out") || text.contains("timeout")) {
            return FailureReason.TIMEOUT;
        }
        if (text.contains("refused")) {
            return FailureReason.REFUSED;
        }
        if (text.contains("reset")) {
            return FailureReason.RESET;
        }
        if (error instanceof java.net.UnknownHostException) {
            return FailureReason.DNS;
        }
        return FailureReason.ERROR;
    }

    /**
     * A short, stable description: Netty appends ": host/10.9.0.2:80" to refused connects, and its native
     * transport puts "finishConnect(..) failed with error(-111): " before the system's words; drop both.
     */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        if (error instanceof NoRouteToHostException) {
            return "No route to host";
        }
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        message = NATIVE_CALL_PREFIX.matcher(message).replaceFirst("");
        if (error instanceof ConnectException) {
            int colon = message.indexOf(": ");
            if (colon > 0) {
                return message.substring(0, colon);
            }
        }
        return message;
    }

    public static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
