package lvsdirector.heartbeat.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ha.cf like heartbeat 3.0.6: one directive per line, leading blanks skipped, everything after
 * '#' dropped, CR LF tolerated. Ordinary directives split the rest of the line on blanks and commas and
 * apply each token separately ({@code node a b} = two node lines); media, ping and whole-line
 * directives ({@code stonith}, {@code stonith_host}, {@code apiauth}, {@code respawn}, {@code failfast})
 * take the line as a whole. An unknown directive is an error, as in heartbeat.
 */
public final class HaCfParser {

    @FunctionalInterface
    private interface TokenHandler {
        void apply(HaCfBuilder b, DirectiveLine line, String token) throws ConfigException;
    }

    private static final Map<String, TokenHandler> IMPLEMENTED = new HashMap<>();
    /** Accepted and value-checked, but without effect in this peer. */
    private static final Map<String, TokenHandler> ACCEPTED = new HashMap<>();
    private static final List<String> WHOLE_LINE = List.of("stonith", "stonith_host", "apiauth", "respawn", "failfast");
    private static final List<String> FACILITIES = List.of("auth", "authpriv", "cron", "daemon", "ftp", "kern", "lpr", "mail",
            "news", "syslog", "user", "uucp", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");
    private static final List<Integer> BAUD_RATES = List.of(9600, 19200, 38400, 57600, 115200, 230400, 460800);

    static {
        IMPLEMENTED.put("node", (b, l, t) -> b.nodes.add(t.toLowerCase(Locale.ROOT)));
        IMPLEMENTED.put("keepalive", (b, l, t) -> b.keepalive = l.positiveTime(t));
        IMPLEMENTED.put("deadtime", (b, l, t) -> {
            b.deadtime = l.time(t);
            b.deadtimeLine = l.number;
        });
        IMPLEMENTED.put("warntime", (b, l, t) -> {
            b.warntime = l.positiveTime(t);
            b.warntimeLine = l.number;
        });
        IMPLEMENTED.put("initdead", (b, l, t) -> {
            b.initdead = l.time(t);
            b.initdeadLine = l.number;
        });
        IMPLEMENTED.put("udpport", (b, l, t) -> b.udpPort = l.integer(t, 1, 65535));
        IMPLEMENTED.put("auto_failback", (b, l, t) -> b.autoFailback = autoFailback(l, t));
        IMPLEMENTED.put("nice_failback", (b, l, t) -> {
            b.autoFailback = l.bool(t) ? AutoFailback.OFF : AutoFailback.LEGACY;
            b.warnings.add(l.notice("nice_failback is obsolete; use auto_failback " + (b.autoFailback == AutoFailback.OFF ? "off" : "legacy")));
        });
        IMPLEMENTED.put("cluster", (b, l, t) -> b.cluster = t);
        IMPLEMENTED.put("hopfudge", (b, l, t) -> b.hopfudge = l.integer(t, 0, 255));
        IMPLEMENTED.put("logfacility", (b, l, t) -> b.logFacility = t.equals("none") ? Optional.empty()
                : Optional.of(l.choice(t, FACILITIES.toArray(String[]::new))));
        IMPLEMENTED.put("logfile", (b, l, t) -> b.logFile = Optional.of(t));
        IMPLEMENTED.put("debugfile", (b, l, t) -> b.debugFile = Optional.of(t));
        IMPLEMENTED.put("debug", (b, l, t) -> b.debugLevel = l.integer(t, 0, 255));
        IMPLEMENTED.put("log_badpack", (b, l, t) -> b.logBadPackets = l.bool(t));
        IMPLEMENTED.put("realtime", (b, l, t) -> b.realtime = l.bool(t));
        IMPLEMENTED.put("rtprio", (b, l, t) -> b.rtprio = l.integer(t, 1, 99));
        IMPLEMENTED.put("msgfmt", (b, l, t) -> b.msgFormat = MsgFormat.valueOf(l.exactChoice(t, "classic", "netstring").toUpperCase(Locale.ROOT)));
        IMPLEMENTED.put("max_rexmit_delay", (b, l, t) -> b.maxRexmitDelay = Duration.ofMillis(l.integer(t, 1, 3_600_000)));

        ACCEPTED.put("deadping", (b, l, t) -> {
            b.deadping = l.time(t);
            b.deadpingLine = l.number;
        });
        ACCEPTED.put("baud", (b, l, t) -> {
            once(b, l);
            int rate = l.integer(t, 1, Integer.MAX_VALUE);
            if (!BAUD_RATES.contains(rate)) {
                throw l.error("baud: unsupported rate " + rate + ", expected one of " + BAUD_RATES);
            }
        });
        for (String bool : List.of("use_logd", "use_apphbd", "syslogmsgfmt", "traditional_compression", "coredumps",
                "crmd_spawns_pengine", "record_config_changes", "record_pengine_inputs", "enable_config_writes")) {
            ACCEPTED.put(bool, (b, l, t) -> l.bool(t));
        }
        ACCEPTED.put("conn_logd_time", (b, l, t) -> l.positiveTime(t));
        ACCEPTED.put("compression_threshold", (b, l, t) -> l.integer(t, 1, Integer.MAX_VALUE));
        ACCEPTED.put("memreserve", (b, l, t) -> l.integer(t, 0, Integer.MAX_VALUE));
        ACCEPTED.put("hbgenmethod", (b, l, t) -> l.exactChoice(t, "file", "time"));
        ACCEPTED.put("autojoin", (b, l, t) -> {
            if (!l.choice(t, "none", "other", "any").equals("none")) {
                throw l.error("autojoin " + t + ": R1 style resource management (haresources) conflicts with autojoin");
            }
        });
        ACCEPTED.put("uuidfrom", (b, l, t) -> l.exactChoice(t, "file", "nodename"));
        ACCEPTED.put("watchdog", (b, l, t) -> once(b, l));
        for (String word : List.of("compression", "coreroot", "crm_daemon_dir", "quorum_server")) {
            ACCEPTED.put(word, (b, l, t) -> { });
        }
        ACCEPTED.put("env", (b, l, t) -> {
            if (t.indexOf('=') <= 0) {
                throw l.error("env: [" + t + "] is not NAME=value");
            }
        });
        ACCEPTED.put("pacemaker", HaCfParser::pacemaker);
        ACCEPTED.put("crm", HaCfParser::pacemaker);
    }

    private HaCfParser() {}

    public static HaCf read(Path path) throws IOException, ConfigException {
        return parse(path.toString(), Files.readString(path, StandardCharsets.ISO_8859_1));
    }

    /** @param file the name used in error messages */
    public static HaCf parse(String file, String text) throws ConfigException {
        HaCfBuilder b = new HaCfBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String content = stripComment(lines[i]).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] words = content.split("\\s+", 2);
            String rest = words.length > 1 ? words[1] : "";
            apply(b, file, i + 1, words[0], rest);
        }
        return b.build(file);
    }

    private static void apply(HaCfBuilder b, String file, int number, String directive, String rest) throws ConfigException {
        if (MediaParser.MEDIA.contains(directive) || MediaParser.PING.contains(directive) || WHOLE_LINE.contains(directive)) {
            DirectiveLine line = new DirectiveLine(file, number, directive, split(rest, "\\s+"));
            if (MediaParser.MEDIA.contains(directive)) {
                List<Medium> media = MediaParser.media(line);
                b.media.addAll(media);
                if (!media.get(0).implemented()) {
                    b.notImplemented(line, ": this peer only talks over bcast, ucast and mcast; the medium is ignored");
                }
            } else if (MediaParser.PING.contains(directive)) {
                b.pingNodes.addAll(MediaParser.pingNodes(line));
                b.notImplemented(line, ": ping nodes are not monitored");
            } else {
                line.requireTokens(2, Integer.MAX_VALUE, wholeLineUsage(directive));
                checkWholeLine(line);
                if (directive.equals("stonith_host")) {
                    stonithHost(b, line);
                } else {
                    b.notImplemented(line, "");
                }
            }
            return;
        }
        DirectiveLine line = new DirectiveLine(file, number, directive, split(rest, "[\\s,]+"));
        TokenHandler handler = IMPLEMENTED.getOrDefault(directive, ACCEPTED.get(directive));
        if (handler == null) {
            throw line.error("Illegal directive [" + directive + "] in " + file);
        }
        if (line.tokens.isEmpty()) {
            throw line.error("directive " + directive + " needs a value");
        }
        for (String token : line.tokens) {
            handler.apply(b, line, token);
        }
        if (!IMPLEMENTED.containsKey(directive)) {
            b.notImplemented(line, "");
        }
    }

    private static void checkWholeLine(DirectiveLine line) throws ConfigException {
        List<String> t = line.tokens;
        if ((line.directive.equals("respawn") || line.directive.equals("failfast")) && !t.get(1).startsWith("/")) {
            throw line.error(line.directive + ": client child command [" + t.get(1) + "] is not a full pathname");
        }
        if (line.directive.equals("apiauth")
                && !t.subList(1, t.size()).stream().allMatch(w -> w.startsWith("uid=") || w.startsWith("gid="))) {
            throw line.error("Invalid apiauth directive: usage: apiauth " + wholeLineUsage("apiauth"));
        }
    }

    /** Records the line; only the {@code external} type (a command run with the node's name) is implemented. */
    private static void stonithHost(HaCfBuilder b, DirectiveLine line) throws ConfigException {
        List<String> t = line.tokens;
        if (t.get(1).equals("external") && t.size() < 3) {
            throw line.error("stonith_host " + t.get(0) + " external: the command to run is missing");
        }
        b.stonithHosts.add(new StonithHost(t.get(0), t.get(1), t.subList(2, t.size()), line.number));
        if (!t.get(1).equals("external")) {
            b.notImplemented(line, ": only the external type (a command) is supported; STONITH type " + t.get(1) + " is ignored");
        }
    }

    /** heartbeat refuses a second {@code baud} or {@code watchdog} line ("multiply specified"). */
    private static void once(HaCfBuilder b, DirectiveLine line) throws ConfigException {
        if (!b.singletons.add(line.directive)) {
            throw line.error(line.directive + " multiply specified");
        }
    }

    private static String wholeLineUsage(String directive) {
        return switch (directive) {
            case "stonith" -> "TYPE CONFIG-FILE";
            case "stonith_host" -> "HOST|* TYPE [PARAMS...]";
            case "apiauth" -> "CLIENT [uid=USER,...] [gid=GROUP,...]";
            default -> "USER /PATH/TO/PROGRAM [ARGS...]";
        };
    }

    private static AutoFailback autoFailback(DirectiveLine line, String token) throws ConfigException {
        if (token.equalsIgnoreCase("legacy")) {
            return AutoFailback.LEGACY;
        }
        try {
            return line.bool(token) ? AutoFailback.ON : AutoFailback.OFF;
        } catch (ConfigException e) {
            throw line.error("auto_failback: invalid value [" + token + "], expected on, off or legacy");
        }
    }

    /** Pacemaker replaces haresources handling entirely, which this peer does not do. */
    private static void pacemaker(HaCfBuilder b, DirectiveLine line, String token) throws ConfigException {
        String word = token.toLowerCase(Locale.ROOT);
        if (List.of("false", "off", "no", "n", "0").contains(word)) {
            return;
        }
        if (List.of("true", "on", "yes", "y", "1", "respawn", "minimal", "manual").contains(word)) {
            throw line.error(line.directive + " " + token + ": Pacemaker mode is not supported by this peer; it runs haresources (R1) clusters only");
        }
        throw line.error(line.directive + ": invalid value [" + token + "]");
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        String s = hash >= 0 ? line.substring(0, hash) : line;
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static List<String> split(String rest, String separators) {
        String trimmed = rest.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(trimmed.split(separators)).filter(s -> !s.isEmpty()).toList();
    }
}
