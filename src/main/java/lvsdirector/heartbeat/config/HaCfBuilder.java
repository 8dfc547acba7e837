package lvsdirector.heartbeat.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The values collected while reading ha.cf; {@link #build} applies heartbeat's defaults and cross-checks. */
final class HaCfBuilder {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    final Set<String> nodes = new LinkedHashSet<>();
    Duration keepalive = Duration.ofSeconds(1);
    Duration deadtime = Duration.ofSeconds(30);
    Duration warntime;
    Duration initdead;
    Duration deadping;
    int deadtimeLine;
    int deadpingLine;
    int warntimeLine;
    int initdeadLine;
    int udpPort = 694;
    final List<Medium> media = new ArrayList<>();
    final List<PingNode> pingNodes = new ArrayList<>();
    final List<StonithHost> stonithHosts = new ArrayList<>();
    AutoFailback autoFailback = AutoFailback.LEGACY;
    String cluster = "linux-ha";
    int hopfudge = 1;
    Optional<String> logFacility = Optional.empty();
    Optional<String> logFile = Optional.empty();
    Optional<String> debugFile = Optional.empty();
    int debugLevel;
    boolean logBadPackets = true;
    boolean realtime = true;
    int rtprio = 1;
    MsgFormat msgFormat = MsgFormat.CLASSIC;
    Duration maxRexmitDelay = Duration.ofMillis(250);
    private final Map<String, ConfigNotice> notImplemented = new LinkedHashMap<>();
    /** Directives heartbeat refuses to see twice ("multiply specified"). */
    final Set<String> singletons = new java.util.HashSet<>();
    final List<ConfigNotice> warnings = new ArrayList<>();

    /** Records a directive this peer accepts but does not act on; only its first occurrence is kept. */
    void notImplemented(DirectiveLine line, String why) {
        notImplemented.putIfAbsent(line.directive, line.notice("directive " + line.directive + " is not implemented" + why));
    }

    HaCf build(String file) throws ConfigException {
        if (nodes.isEmpty()) {
            throw new ConfigException(file, 0, "no node directive: at least one node must be configured");
        }
        if (media.isEmpty()) {
            throw new ConfigException(file, 0, "No heartbeat media defined (bcast, ucast, mcast, ucast6, mcast6 or serial)");
        }
        if (deadtime.compareTo(keepalive.multipliedBy(2)) <= 0) {
            throw new ConfigException(file, deadtimeLine, "Dead time [" + deadtime.toMillis() + "ms] is too small compared to keepalive ["
                    + keepalive.toMillis() + "ms]: it must be more than twice the keepalive");
        }
        if (deadping != null && deadping.compareTo(keepalive.multipliedBy(2)) <= 0) {
            throw new ConfigException(file, deadpingLine, "Ping dead time [" + deadping.toMillis() + "ms] is too small compared to keepalive ["
                    + keepalive.toMillis() + "ms]: it must be more than twice the keepalive");
        }
        Duration warn = warntime != null ? warntime : deadtime.dividedBy(2);
        if (warn.compareTo(deadtime) >= 0) {
            warnings.add(new ConfigNotice(file, warntimeLine, "warntime [" + warn.toMillis() + "ms] is not less than deadtime ["
                    + deadtime.toMillis() + "ms]: late heartbeats will not be reported"));
        }
        Duration init = initdead != null ? initdead : defaultInitdead(deadtime);
        if (init.compareTo(deadtime) < 0) {
            throw new ConfigException(file, initdeadLine, "Initial dead time [" + init.toMillis() + "ms] is smaller than deadtime ["
                    + deadtime.toMillis() + "ms]");
        }
        if (init.compareTo(TEN_SECONDS) < 0) {
            warnings.add(new ConfigNotice(file, initdeadLine, "Initial dead time [" + init.toMillis()
                    + "ms] is less than 10 seconds: nodes may be declared dead while the system boots"));
        }
        return new HaCf(List.copyOf(nodes), keepalive, deadtime, warn, init, deadping != null ? deadping : deadtime, udpPort,
                media, pingNodes, autoFailback, cluster, hopfudge, logFacility, logFile, debugFile, debugLevel, logBadPackets,
                msgFormat, maxRexmitDelay, stonithHosts, List.copyOf(notImplemented.values()), warnings, realtime ? rtprio : 0);
    }

    /** deadtime if above 10 s, 12 s if below 6 s, otherwise twice the deadtime. */
    static Duration defaultInitdead(Duration deadtime) {
        if (deadtime.compareTo(TEN_SECONDS) > 0) {
            return deadtime;
        }
        if (deadtime.compareTo(Duration.ofSeconds(6)) < 0) {
            return Duration.ofSeconds(12);
        }
        return deadtime.multipliedBy(2);
    }
}
