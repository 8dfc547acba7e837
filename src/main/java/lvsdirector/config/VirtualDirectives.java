package lvsdirector.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The indented directives of a virtual block, applied to a {@link VirtualDraft} one line at a time. */
final class VirtualDirectives {
    private static final Pattern NAME_VALUE = Perl.rx("^(\\w+)\\s*=\\s*(.*)");
    private static final Pattern QUOTED = Perl.rx("^\"(.*)\"");
    private static final Pattern WORD = Perl.rx("(\\w+)");
    private static final Pattern WORD_OR_DASH = Perl.rx("([\\w-]+)");
    private static final Pattern LOWERCASE = Perl.rx("([a-z]+)");
    private static final Pattern NON_SPACE = Perl.rx("(\\S+)");
    private static final Pattern DIGITS = Perl.rx("(\\d+)");
    private static final Pattern DOTTED_QUAD = Perl.rx("^\\d+\\.\\d+\\.\\d+\\.\\d+$");
    private static final Pattern UNQUOTED_HOST = Perl.rx("\"?([^\"]*)\"?");

    private static final String CHECKTYPE_ERROR = "checktype must be \"connect\", \"negotiate\", \"on\", \"off\", "
            + "\"ping\", \"external\", \"external-perl\" or a positive number";
    private static final String SERVICE_ERROR = "service must be dns, ftp, http, https, http_proxy, imap, imaps, "
            + "ldap, ldaps, mysql, nntp, none, oracle, pop, pops, radius, pgsql, simpletcp, sip, smtp or submission";

    private final ParserOptions options;
    private final MessageLog log;

    VirtualDirectives(ParserOptions options, MessageLog log) {
        this.options = options;
        this.log = log;
    }

    /**
     * @param command the line's text after the indentation, with any "#..." removed
     * @param line    the raw line, quoted in "Unknown command" errors
     */
    void apply(VirtualDraft v, String command, ConfigLine line) {
        Matcher m = Perl.match(NAME_VALUE, command);
        if (m == null) {
            throw unknown(line);
        }
        String name = m.group(1);
        String value = m.group(2);
        switch (name) {
            case "real", "real6" -> {
                requireFamily(v, name, "real");
                v.pendingReals.add(new VirtualDraft.PendingReal(value, line.number()));
            }
            case "request" -> {
                String r = nonEmpty(quoted(value, line), "no request string specified");
                v.request = r.startsWith("/") ? r : "/" + r;
            }
            case "receive" -> v.receive = nonEmpty(quoted(value, line), "invalid receive string");
            case "checktype" -> checkType(v, value);
            case "checkcommand" -> v.checkCommand = nonEmpty(optionallyQuoted(value), "invalid check command");
            case "checktimeout" -> v.checkTimeout = GlobalDirectives.nonZero(value, "invalid check timeout");
            case "connecttimeout" -> throw new DirectiveError(
                    "connecttimeout directive deprecated in favour of negotiatetimeout");
            case "negotiatetimeout" -> v.negotiateTimeout =
                    GlobalDirectives.nonZero(value, "invalid negotiate timeout");
            case "checkcount" -> {
                v.checkCount = GlobalDirectives.nonZero(value, "invalid check count");
                log.warn(line.number(), Texts.CHECKCOUNT_DEPRECATED);
            }
            case "failurecount" -> v.failureCount = GlobalDirectives.nonZero(value, "invalid failure count");
            case "checkinterval" -> v.checkInterval = GlobalDirectives.nonZero(value, "invalid checkinterval");
            case "checkport" -> checkPort(v, value);
            case "login" -> v.login = nonEmpty(quoted(value, line), "invalid login string");
            case "passwd" -> v.passwd = nonEmpty(quoted(value, line), "invalid password");
            case "database" -> v.database = nonEmpty(quoted(value, line), "invalid database");
            case "secret" -> v.secret = nonEmpty(quoted(value, line), "invalid secret");
            case "load" -> DirectiveError.require(Perl.find(WORD, quoted(value, line)) != null,
                    "invalid string for load testing");
            case "scheduler" -> v.scheduler = firstMatch(LOWERCASE, value,
                    "invalid scheduler, should be only lowercase letters (a-z)");
            case "persistent" -> v.persistent = Perl.toInt(firstMatch(DIGITS, value,
                    "invalid persistent timeout"));
            case "schedflags" -> v.schedFlags = firstMatch(NON_SPACE, value, "invalid sched-flags");
            case "netmask" -> netmask(v, value);
            case "protocol" -> protocol(v, value);
            case "ops" -> v.ops = GlobalDirectives.yesNo(value, "ops must be 'yes' or 'no'");
            case "service" -> service(v, value);
            case "httpmethod" -> {
                Matcher w = Perl.find(WORD, value);
                String method = w == null ? "" : w.group(1).toUpperCase(java.util.Locale.ROOT);
                DirectiveError.require(method.equals("GET") || method.equals("HEAD"), "httpmethod must be GET or HEAD");
                v.httpMethod = method;
            }
            case "virtualhost" -> v.virtualHost = Perl.find(UNQUOTED_HOST, value).group(1);
            case "fallback", "fallback6" -> {
                requireFamily(v, name, "fallback");
                v.fallbackLine = line.number();
                v.fallback = FallbackParser.parse(value, v.portText());
            }
            case "fallbackcommand" -> v.fallbackCommand =
                    nonEmpty(optionallyQuoted(value), "invalid fallback command");
            case "quiescent" -> v.quiescent = GlobalDirectives.yesNo(value, "quiescent must be 'yes' or 'no'");
            case "emailalert" -> v.emailAlert = AlertValues.emailAlert(value);
            case "emailalertfreq" -> v.emailAlertFreq = AlertValues.frequency(value);
            case "emailalertstatus" -> v.emailAlertStatus = AlertValues.statuses(value);
            case "monitorfile" -> monitorFile(v, optionallyQuoted(value));
            case "cleanstop" -> v.cleanstop = GlobalDirectives.yesNo(value, "cleanstop must be 'yes' or 'no'");
            case "smtp" -> v.smtp = AlertValues.smtp(value);
            case "servicename" -> v.serviceName = value;
            case "comment" -> v.comment = value;
            default -> throw unknown(line);
        }
    }

    /** real6/fallback6 only in virtual6 blocks, real/fallback only in virtual blocks. */
    private static void requireFamily(VirtualDraft v, String name, String base) {
        boolean v6Directive = name.endsWith("6");
        if (v6Directive != v.ipv6) {
            throw new DirectiveError("cannot specify \"" + name + "\" here.  please use \"" + base
                    + (v.ipv6 ? "6" : "") + "\" instead");
        }
    }

    private static void checkType(VirtualDraft v, String value) {
        String digits = Perl.firstDigits(value);
        if (digits != null) {
            v.combinedConnects = Perl.toInt(digits);
            v.checkType = CheckType.COMBINED;
            return;
        }
        Matcher m = Perl.find(WORD_OR_DASH, value);
        String word = m == null ? "" : m.group(1);
        for (CheckType t : CheckType.values()) {
            if (t != CheckType.COMBINED && t.word().equals(word)) {
                v.checkType = t;
                return;
            }
        }
        throw new DirectiveError(CHECKTYPE_ERROR);
    }

    private static void checkPort(VirtualDraft v, String value) {
        String digits = Perl.firstDigits(value);
        DirectiveError.require(digits != null, "invalid port");
        long port = Perl.toLong(digits);
        DirectiveError.require(port > 0 && port < 65536, "checkport must be in range 1..65536");
        v.checkPort = (int) port;
    }

    private static void netmask(VirtualDraft v, String value) {
        if (v.ipv6) {
            boolean ok = value.matches("\\d+") && Perl.toLong(value) >= 1 && Perl.toLong(value) <= 128;
            DirectiveError.require(ok, "invalid netmask: a prefix length between 1 and 128 is required");
        } else {
            DirectiveError.require(Perl.find(DOTTED_QUAD, value) != null,
                    "invalid netmask: dotted quad notation is required");
        }
        v.netmask = value;
    }

    private static void protocol(VirtualDraft v, String value) {
        Matcher m = Perl.find(WORD, value);
        DirectiveError.require(m != null, "invalid protocol");
        String word = m.group(1);
        if (v.protocol == VirtualProtocol.FWM) {
            DirectiveError.require(word.equals("fwm"),
                    "protocol must be fwm if the virtual service is a fwmark (a number)");
        } else {
            DirectiveError.require(word.equals("tcp") || word.equals("udp"),
                    "protocol must be tcp or udp if the virtual service is an address and port");
            v.protocol = word.equals("tcp") ? VirtualProtocol.TCP : VirtualProtocol.UDP;
        }
    }

    /** service= also fills in login/passwd for ftp and sip when they are still empty (order matters). */
    private void service(VirtualDraft v, String value) {
        Matcher m = Perl.find(WORD, value);
        ServiceType service = m == null ? null : ServiceType.ofWord(m.group(1));
        DirectiveError.require(service != null, SERVICE_ERROR);
        v.service = service;
        if (service == ServiceType.FTP && v.login.isEmpty()) {
            v.login = "anonymous";
        } else if (service == ServiceType.SIP && v.login.isEmpty()) {
            v.login = "ldirectord@" + options.hostname();
        }
        if (service == ServiceType.FTP && v.passwd.isEmpty()) {
            v.passwd = "ldirectord@" + options.hostname();
        }
    }

    private void monitorFile(VirtualDraft v, String path) {
        options.files().tryAppend(path).ifPresent(error -> {
            throw new DirectiveError("unable to open monitorfile " + path + ": " + error);
        });
        v.monitorFile = path;
    }

    private static String quoted(String value, ConfigLine line) {
        Matcher m = Perl.match(QUOTED, value);
        if (m == null) {
            throw unknown(line);
        }
        return m.group(1);
    }

    private static String optionallyQuoted(String value) {
        Matcher m = Perl.match(QUOTED, value);
        return m != null ? m.group(1) : value;
    }

    private static String nonEmpty(String value, String error) {
        DirectiveError.require(!value.isEmpty(), error);
        return value;
    }

    private static String firstMatch(Pattern p, String value, String error) {
        Matcher m = Perl.find(p, value);
        DirectiveError.require(m != null, error);
        return m.group(1);
    }

    private static DirectiveError unknown(ConfigLine line) {
        return new DirectiveError("Unknown command \"" + line.raw() + "\"");
    }
}
