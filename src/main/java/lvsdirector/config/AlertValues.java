package lvsdirector.config;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Values of emailalert=, emailalertfreq=, emailalertstatus= and smtp= (global and per virtual). */
final class AlertValues {
    private static final Pattern QUOTED = Perl.rx("^\"([^\"]*)\"$");
    private static final Pattern LEADING_DIGITS = Perl.rx("^(\\d+)");
    private static final Pattern SMTP_HOST = Perl.rx("^([0-9A-Za-z._+-]+)");
    private static final Pattern COMMA = Perl.rx("\\s*,\\s*");

    private AlertValues() {}

    static String emailAlert(String value) {
        var m = Perl.match(QUOTED, value);
        String address = m != null ? m.group(1) : value;
        DirectiveError.require(!address.isEmpty(), "no email address specified");
        return address;
    }

    static int frequency(String value) {
        var m = Perl.match(LEADING_DIGITS, value);
        DirectiveError.require(m != null, "invalid email alert frequency");
        return Perl.toInt(m.group(1));
    }

    static String smtp(String value) {
        var m = Perl.match(SMTP_HOST, value);
        DirectiveError.require(m != null, "invalid SMTP server address");
        return m.group(1);
    }

    /** A comma list of all, none, starting, running, stopping, reloading ("none" may not be combined). */
    static Set<DaemonStatus> statuses(String value) {
        String[] items = splitLikePerl(value);
        boolean none = false;
        for (String item : items) {
            none |= item.equals("none");
        }
        Set<DaemonStatus> result = EnumSet.noneOf(DaemonStatus.class);
        for (String item : items) {
            if (item.equals("none")) {
                continue;
            }
            if (item.equals("all")) {
                result = EnumSet.allOf(DaemonStatus.class);
            } else {
                DaemonStatus status = byWord(item);
                DirectiveError.require(status != null, "invalid email alert status at: \"" + item + "\"");
                result.add(status);
            }
            DirectiveError.require(!none, "invalid email alert status: \"" + item + "\" specified with \"none\"");
        }
        return Set.copyOf(result);
    }

    /** Perl's split drops trailing empty fields and gives no field at all for an empty string. */
    private static String[] splitLikePerl(String value) {
        if (value.isEmpty()) {
            return new String[0];
        }
        String[] parts = COMMA.split(value);
        if (parts.length == 1 && parts[0].isEmpty()) {
            return new String[0];
        }
        return parts;
    }

    private static DaemonStatus byWord(String word) {
        for (DaemonStatus s : DaemonStatus.values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        return null;
    }
}
