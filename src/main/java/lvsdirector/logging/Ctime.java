package lvsdirector.logging;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** C ctime() text without the newline: "Wed Nov 25 13:24:00 2026" (day of month space-padded). */
final class Ctime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private Ctime() {}

    static String format(ZonedDateTime time) {
        return FORMAT.format(time);
    }
}
