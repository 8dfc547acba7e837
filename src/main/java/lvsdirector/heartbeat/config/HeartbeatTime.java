package lvsdirector.heartbeat.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time values of ha.cf as heartbeat reads them: a plain number (a decimal point is allowed) is seconds,
 * the suffix {@code ms} or {@code msec} means milliseconds and {@code us} or {@code usec} microseconds
 * (suffixes in any case). heartbeat keeps whole milliseconds, rounding half up ({@code 499us} is 0 ms,
 * {@code 501us} is 1 ms); so does this class. Anything else is an error.
 */
public final class HeartbeatTime {
    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ms|msec|us|usec)?", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(365L * 24 * 3600);

    private HeartbeatTime() {}

    /** @throws IllegalArgumentException with a message naming the bad value */
    public static Duration parse(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid time value [" + text + "]: expected seconds, or a number with ms, msec, us or usec");
        }
        BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(java.util.Locale.ROOT);
        BigDecimal seconds = unit.isEmpty() ? number : unit.startsWith("m") ? number.movePointLeft(3) : number.movePointLeft(6);
        if (seconds.compareTo(MAX_SECONDS) > 0) {
            throw new IllegalArgumentException("time value [" + text + "] is too large");
        }
        return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
