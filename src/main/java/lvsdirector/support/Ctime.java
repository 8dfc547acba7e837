package lvsdirector.support;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** C ctime() text without the newline, as ldirectord stamps log and monitor lines: "Wed Nov  5 13:24:00 2026". */
public final class Ctime {
    /** Day of month space-padded, English names. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private Ctime() {}
}
