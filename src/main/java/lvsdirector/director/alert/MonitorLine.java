package lvsdirector.director.alert;

import lvsdirector.support.Ctime;

import java.time.ZonedDateTime;
import java.util.Locale;

import lvsdirector.check.CheckOutcome;
import lvsdirector.check.Health;
import lvsdirector.config.CheckSettings;
import lvsdirector.config.CheckType;
import lvsdirector.config.RealConfig;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.support.InetAddrs;

/**
 * One monitor-file line: {@code [<ctime>] [<pid>] <real id> [up|down] <message>}, where the real id is
 * ldirectord's colon-separated identity with every run of colons turned into one space and backslashes
 * removed, and the message has %, |, CR and LF escaped as lower-case %xx.
 */
public final class MonitorLine {
    /** C ctime() without the newline: "Wed Nov 25 13:28:39 2026", day padded with a space. */

    private MonitorLine() {}

    /** Whether ldirectord writes a line for this result (never for on, external-perl, or failed pings). */
    public static boolean written(VirtualConfig v, CheckOutcome outcome) {
        CheckType type = v.check().checkType();
        if (type == CheckType.ON || type == CheckType.EXTERNAL_PERL) {
            return false;
        }
        return !(type == CheckType.PING && outcome.health() == Health.DOWN);
    }

    public static String format(ZonedDateTime time, long pid, VirtualConfig v, RealConfig r, CheckOutcome outcome) {
        String message = outcome.result() == null || outcome.result().message() == null
                || outcome.result().message().isEmpty() ? "-" : outcome.result().message();
        return "[" + Ctime.FORMAT.format(time) + "] [" + pid + "] " + realId(v, r) + " ["
                + (outcome.health() == Health.UP ? "up" : "down") + "] " + escape(message) + "\n";
    }

    /** checktype service protocol ip port virtualhost checkport weight forward request receive. */
    public static String realId(VirtualConfig v, RealConfig r) {
        CheckSettings c = v.check();
        String request = r.request() != null ? r.request() : nullToEmpty(c.request());
        String receive = r.receive() != null ? r.receive() : nullToEmpty(c.receive());
        String id = String.join(":", checkTypeWord(c), service(v).word(), v.protocol().word(),
                InetAddrs.bracketed(r.address()), Integer.toString(r.port()), nullToEmpty(c.virtualHost()),
                c.checkPort() == null ? "" : c.checkPort().toString(), Integer.toString(r.weight()),
                r.forwarding() == null ? "gate" : r.forwarding().word(), request, receive);
        return id.replaceAll(":+", " ").replace("\\", "");
    }

    static String escape(String message) {
        StringBuilder sb = new StringBuilder(message.length());
        for (char ch : message.toCharArray()) {
            if (ch == '%' || ch == '|' || ch == '\r' || ch == '\n') {
                sb.append('%').append(String.format(Locale.ROOT, "%02x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String checkTypeWord(CheckSettings c) {
        CheckType type = c.checkType() == null ? CheckType.NEGOTIATE : c.checkType();
        return type == CheckType.COMBINED ? Integer.toString(c.combinedConnects()) : type.word();
    }

    private static ServiceType service(VirtualConfig v) {
        if (v.check().service() != null) {
            return v.check().service();
        }
        return v.address() instanceof VirtualAddress.HostPort hp ? ServiceType.guessFromPort(hp.port()) : ServiceType.NONE;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
