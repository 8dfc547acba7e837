package lvsdirector.heartbeat.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time values of ha.cf as heartbeat reads them: a plain number (a decimal point is allowed) is seconds,
 * the suffix {@code ms} means milliseconds and {@code us} or {@code usec} microseconds. Anything else
 * is an error.
 */
public final class HeartbeatTime {
    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ms|us|usec)?");
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(365L * 24 * 3600);

    private HeartbeatTime() {}

    /** @throws IllegalArgumentException with a message naming the bad value */
    public static Duration parse(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid time value [" + text + "]: expected seconds, or a number with ms, us or usec");
        }
        BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        String unit = m.group(2);
        BigDecimal seconds = unit == null ? number : unit.equals("ms") ? number.movePointLeft(3) : number.movePointLeft(6);
        if (seconds.compareTo(MAX_SECONDS) > 0) {
            throw new IllegalArgumentException("time value [" + text + "] is too large");
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }
}
