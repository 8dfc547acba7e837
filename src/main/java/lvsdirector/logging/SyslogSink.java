package lvsdirector.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import lvsdirector.netlink.unix.UnixDatagramSender;

/**
 * ldirectord's syslog logging (logfile="local0" etc.): ident "ldirectord" with the pid, the given facility,
 * priority info, sent to the local /dev/log datagram socket (never over UDP).
 */
final class SyslogSink implements LogSink {
    static final Map<String, Integer> FACILITIES = Map.ofEntries(
            Map.entry("kern", 0), Map.entry("user", 1), Map.entry("mail", 2), Map.entry("daemon", 3),
            Map.entry("auth", 4), Map.entry("syslog", 5), Map.entry("lpr", 6), Map.entry("news", 7),
            Map.entry("uucp", 8), Map.entry("cron", 9), Map.entry("authpriv", 10), Map.entry("ftp", 11),
            Map.entry("local0", 16), Map.entry("local1", 17), Map.entry("local2", 18), Map.entry("local3", 19),
            Map.entry("local4", 20), Map.entry("local5", 21), Map.entry("local6", 22), Map.entry("local7", 23));
    private static final int PRIORITY_INFO = 6;
    private static final DateTimeFormatter RFC3164 = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    private final String facilityName;
    private final int facility;
    private final long pid;
    private final Clock clock;
    private final UnixDatagramSender socket;
    private final PrintStream fallback;

    SyslogSink(String facilityName, long pid, String socketPath, Clock clock, PrintStream fallback) {
        Integer code = FACILITIES.get(facilityName.toLowerCase(Locale.ROOT));
        if (code == null) {
            throw new IllegalArgumentException("unknown syslog facility: " + facilityName);
        }
        this.facilityName = facilityName;
        this.facility = code;
        this.pid = pid;
        this.clock = clock;
        this.socket = new UnixDatagramSender(socketPath);
        this.fallback = fallback;
    }

    @Override
    public void write(String message) {
        String datagram = "<" + (facility * 8 + PRIORITY_INFO) + ">" + RFC3164.format(ZonedDateTime.now(clock))
                + " ldirectord[" + pid + "]: " + message;
        try {
            socket.send(datagram.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            fallback.println(message);
        }
    }

    @Override
    public String describe() {
        return "syslog " + facilityName;
    }

    @Override
    public void close() {
        socket.close();
    }
}
