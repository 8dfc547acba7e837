package lvsdirector.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The mutable state of one virtual block while its lines are read; defaults are ldirectord's. */
final class VirtualDraft {

    /** A real= line kept for resolution at block end, when the protocol is final. */
    record PendingReal(String value, int line) {}

    final int line;
    final VirtualHeader header; // null when the header line was rejected
    final boolean ipv6;
    VirtualProtocol protocol;

    CheckType checkType = CheckType.NEGOTIATE;
    int combinedConnects;
    ServiceType service;
    String checkCommand = "/bin/true";
    String request = "/";
    String receive = "";
    String login = "";
    String passwd = "";
    String database = "";
    String secret = "";
    String httpMethod = "GET";
    String virtualHost;
    Integer checkPort;
    Integer checkInterval;
    Integer checkTimeout;
    Integer negotiateTimeout;
    Integer checkCount;
    Integer failureCount;

    String scheduler = "wrr";
    Integer persistent;
    String netmask;
    String schedFlags;
    boolean ops;

    Boolean quiescent;
    Boolean cleanstop;
    FallbackParser.Spec fallback;
    int fallbackLine;
    Fallback resolvedFallback;
    String fallbackCommand;
    String emailAlert;
    Integer emailAlertFreq;
    Set<DaemonStatus> emailAlertStatus;
    String smtp;
    String monitorFile;
    String serviceName;
    String comment;
    final List<PendingReal> pendingReals = new ArrayList<>();

    VirtualDraft(int line, VirtualHeader header, boolean ipv6) {
        this.line = line;
        this.header = header;
        this.ipv6 = ipv6;
        if (header == null || header.isMark()) {
            protocol = VirtualProtocol.FWM;
            service = header == null ? null : ServiceType.NONE;
        } else {
            protocol = header.defaultsToUdp() ? VirtualProtocol.UDP : VirtualProtocol.TCP;
        }
    }

    /** The virtual's port text as parse_fallback inherits it: the port as written, "0" for a mark. */
    String portText() {
        return header == null || header.isMark() ? "0" : header.portText();
    }

    VirtualConfig build(VirtualAddress address, List<RealConfig> reals) {
        ServiceType effectiveService = service;
        if (effectiveService == null) {
            effectiveService = address instanceof VirtualAddress.HostPort hp
                    ? ServiceType.guessFromPort(hp.port()) : ServiceType.NONE;
        }
        CheckSettings check = new CheckSettings(checkType, combinedConnects, effectiveService, checkCommand, request,
                receive, login, passwd, database, secret, httpMethod, virtualHost, checkPort, checkInterval,
                checkTimeout, negotiateTimeout, checkCount, failureCount);
        SchedulingSettings scheduling = new SchedulingSettings(scheduler, persistent, netmask, schedFlags, ops);
        AlertSettings alerts = new AlertSettings(emailAlert, emailAlertFreq, emailAlertStatus, smtp);
        return new VirtualConfig(line, address, ipv6, protocol, reals, check, scheduling, quiescent, cleanstop,
                resolvedFallback, fallbackCommand, alerts, monitorFile, serviceName, comment);
    }
}
