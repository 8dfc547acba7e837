package lvsdirector.config;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The column-0 directives outside virtual blocks; accumulates {@link Globals}, starting from the defaults. */
final class GlobalDirectives {
    private static final Pattern NAME_VALUE = Perl.rx("^(\\w+)\\s*=\\s*(.*)");
    private static final Pattern QUOTED = Perl.rx("^\"(.*)\"");
    private static final Pattern SUPERVISED_VALUE = Perl.rx("^supervised\\s*=\\s*(.*)");
    private static final Pattern BARE_SUPERVISED = Perl.rx("^supervised\\s*$");

    private final ParserOptions options;
    private final MessageLog log;

    private Integer checkTimeout;
    private Integer negotiateTimeout;
    private int checkInterval = Globals.DEFAULTS.checkInterval();
    private int checkCount = Globals.DEFAULTS.checkCount();
    private int failureCount = Globals.DEFAULTS.failureCount();
    private boolean autoreload;
    private String callback;
    private String logfile = Globals.DEFAULT_LOGFILE;
    private final Set<String> execute = new LinkedHashSet<>();
    private boolean fork;
    private boolean supervised;
    private boolean quiescent;
    private boolean readdQuiescent;
    private boolean cleanstop = true;
    private Fallback fallback;
    private Fallback fallback6;
    private String fallbackCommand;
    private String emailAlert = "";
    private int emailAlertFreq;
    private Set<DaemonStatus> emailAlertStatus = Set.of(DaemonStatus.values());
    private String smtp;
    private String emailAlertFrom;
    private String maintenanceDir;

    GlobalDirectives(ParserOptions options, MessageLog log) {
        this.options = options;
        this.log = log;
    }

    /** Applies one non-blank, non-comment top-level line; throws DirectiveError on a bad value. */
    void apply(ConfigLine line) {
        String text = line.text();
        if (text.startsWith("supervised")) {
            supervised(line);
            return;
        }
        Matcher m = Perl.match(NAME_VALUE, text);
        if (m == null) {
            throw unknown(line);
        }
        String value = m.group(2);
        switch (m.group(1)) {
            case "checktimeout" -> checkTimeout = positive(value, "invalid check timeout value");
            case "negotiatetimeout" -> negotiateTimeout = positive(value, "invalid negotiate timeout value");
            case "connecttimeout" -> throw new DirectiveError(
                    "connecttimeout directive deprecated in favour of negotiatetimeout");
            case "checkinterval" -> checkInterval = nonZero(value, "invalid check interval value");
            case "checkcount" -> {
                checkCount = nonZero(value, "invalid check count value");
                log.warn(line.number(), Texts.CHECKCOUNT_DEPRECATED);
            }
            case "failurecount" -> failureCount = nonZero(value, "invalid failure count value");
            case "fallback", "fallback6" -> globalFallback(m.group(1).equals("fallback6"), value);
            case "fallbackcommand" -> {
                DirectiveError.require(!value.isEmpty(), "invalid fallback command");
                fallbackCommand = value;
            }
            case "autoreload" -> autoreload = yesNo(value, "autoreload must be 'yes' or 'no'");
            case "callback" -> callback = quoted(value, line);
            case "logfile" -> logfile(quoted(value, line));
            case "execute" -> execute.add(value);
            case "fork" -> fork = yesNo(value, "fork must be 'yes' or 'no'");
            case "quiescent" -> quiescent = yesNo(value, "quiescent must be 'yes' or 'no'");
            case "readdquiescent" -> readdQuiescent = yesNo(value, "readdquiescent must be 'yes' or 'no'");
            case "emailalert" -> emailAlert = AlertValues.emailAlert(value);
            case "emailalertfreq" -> emailAlertFreq = AlertValues.frequency(value);
            case "emailalertstatus" -> emailAlertStatus = AlertValues.statuses(value);
            case "emailalertfrom" -> {
                DirectiveError.require(!value.isEmpty(), "no email from address specified");
                emailAlertFrom = value;
            }
            case "cleanstop" -> cleanstop = yesNo(value, "cleanstop must be 'yes' or 'no'");
            case "smtp" -> smtp = AlertValues.smtp(value);
            case "maintenancedir" -> maintenanceDir(value, line);
            case "timeout" -> throw new DirectiveError(
                    "timeout directive deprecated in favour of checktimeout and negotiatetimeout");
            default -> throw unknown(line);
        }
    }

    Globals build() {
        return new Globals(checkTimeout, negotiateTimeout, checkInterval, checkCount, failureCount, autoreload,
                callback, logfile, execute.stream().toList(), fork, supervised, quiescent, readdQuiescent, cleanstop,
                fallback, fallback6, fallbackCommand,
                new AlertSettings(emailAlert, emailAlertFreq, emailAlertStatus, smtp), emailAlertFrom,
                maintenanceDir);
    }

    boolean fork() {
        return fork;
    }

    private void supervised(ConfigLine line) {
        Matcher m = Perl.match(SUPERVISED_VALUE, line.text());
        if (m != null && (m.group(1).equals("yes") || m.group(1).equals("no"))) {
            supervised = m.group(1).equals("yes");
        } else if (Perl.match(BARE_SUPERVISED, line.raw()) != null) {
            supervised = true;
            log.warn(line.number(), "please update your config not to use a bare supervised directive");
        } else {
            throw new DirectiveError("supervised must be 'yes' or 'no'");
        }
    }

    private void globalFallback(boolean ipv6, String value) {
        FallbackParser.Spec tcp = FallbackParser.parse(value, null);
        Fallback resolvedTcp = FallbackParser.resolve(tcp, "tcp", ipv6, options);
        FallbackParser.resolve(tcp, "udp", ipv6, options); // ldirectord resolves it for both protocols
        if (ipv6) {
            fallback6 = resolvedTcp;
        } else {
            fallback = resolvedTcp;
        }
    }

    private void logfile(String value) {
        // ldirectord skips the open test in -d and supervised mode, and for syslog facilities
        if (!options.debug() && !supervised && value.startsWith("/")
                && options.files().tryAppend(value).isPresent()) {
            throw new DirectiveError("unable to open logfile: " + value);
        }
        logfile = value;
    }

    private void maintenanceDir(String value, ConfigLine line) {
        DirectiveError.require(!value.isEmpty(), "maintenance directory not specified");
        maintenanceDir = value;
        if (!options.files().isDirectory(value)) {
            log.warn(line.number(), "maintenance directory does not exist");
        }
    }

    private static String quoted(String value, ConfigLine line) {
        Matcher m = Perl.match(QUOTED, value);
        if (m == null) {
            throw unknown(line);
        }
        return m.group(1);
    }

    private static DirectiveError unknown(ConfigLine line) {
        return new DirectiveError("Unknown command " + line.raw() + " ");
    }

    /** First digit run, which must be Perl-true and greater than zero (timeouts). */
    private static Integer positive(String value, String error) {
        String digits = Perl.firstDigits(value);
        DirectiveError.require(Perl.isTrue(digits) && Perl.toLong(digits) > 0, error);
        return Perl.toInt(digits);
    }

    /** First digit run, which must be Perl-true: "0" is rejected but "00" is accepted as 0. */
    static int nonZero(String value, String error) {
        String digits = Perl.firstDigits(value);
        DirectiveError.require(Perl.isTrue(digits), error);
        return Perl.toInt(digits);
    }

    static boolean yesNo(String value, String error) {
        DirectiveError.require(value.equals("yes") || value.equals("no"), error);
        return value.equals("yes");
    }
}
