package lvsdirector.config;

import java.util.List;

/**
 * One virtual= / virtual6= block.
 *
 * @param line      line of the virtual= header
 * @param ipv6      true for virtual6=
 * @param protocol  tcp/udp (udp by default for port 53 / "domain"), fwm for marks
 * @param quiescent per-virtual quiescent=, or null to use the global
 * @param cleanstop per-virtual cleanstop=, or null to use the global
 * @param fallback  per-virtual fallback= / fallback6=, or null
 */
public record VirtualConfig(int line, VirtualAddress address, boolean ipv6, VirtualProtocol protocol,
                            List<RealConfig> reals, CheckSettings check, SchedulingSettings scheduling,
                            Boolean quiescent, Boolean cleanstop, Fallback fallback, String fallbackCommand,
                            AlertSettings alerts, String monitorFile, String serviceName, String comment) {

    public static final int DEFAULT_CHECK_TIMEOUT = 5;
    public static final int DEFAULT_NEGOTIATE_TIMEOUT = 30;

    public VirtualConfig {
        reals = List.copyOf(reals);
    }

    /** ldirectord's id of the virtual in logs: "tcp:10.0.0.1:80", "udp:[::1]:53", "fwm:5", "fwm6:5" (IPv6 mark). */
    public String id() {
        String family = protocol == VirtualProtocol.FWM && ipv6 ? "6" : "";
        return protocol.word() + family + ":" + address.logName();
    }

    /** virtual checktimeout → virtual negotiatetimeout → global checktimeout → global negotiatetimeout → 5. */
    public int effectiveCheckTimeout(Globals g) {
        return firstSet(check.checkTimeout(), check.negotiateTimeout(), g.checkTimeout(), g.negotiateTimeout(),
                DEFAULT_CHECK_TIMEOUT);
    }

    /** virtual negotiatetimeout → virtual checktimeout → global negotiatetimeout → global checktimeout → 30. */
    public int effectiveNegotiateTimeout(Globals g) {
        return firstSet(check.negotiateTimeout(), check.checkTimeout(), g.negotiateTimeout(), g.checkTimeout(),
                DEFAULT_NEGOTIATE_TIMEOUT);
    }

    /** Per-virtual checkinterval counts only with fork=yes, as in ldirectord. */
    public int effectiveCheckInterval(Globals g) {
        return g.fork() && check.checkInterval() != null ? check.checkInterval() : g.checkInterval();
    }

    public int effectiveFailureCount(Globals g) {
        return check.failureCount() != null ? check.failureCount() : g.failureCount();
    }

    public int effectiveCheckCount(Globals g) {
        return check.checkCount() != null ? check.checkCount() : g.checkCount();
    }

    public boolean effectiveQuiescent(Globals g) {
        return quiescent != null ? quiescent : g.quiescent();
    }

    public boolean effectiveCleanstop(Globals g) {
        return cleanstop != null ? cleanstop : g.cleanstop();
    }

    /** Per-virtual fallback, else the global one of the virtual's family. */
    public Fallback effectiveFallback(Globals g) {
        if (fallback != null) {
            return fallback;
        }
        return ipv6 ? g.fallback6() : g.fallback();
    }

    public String effectiveFallbackCommand(Globals g) {
        return fallbackCommand != null ? fallbackCommand : g.fallbackCommand();
    }

    /** Per-virtual alert settings field by field over the global ones. */
    public AlertSettings effectiveAlerts(Globals g) {
        AlertSettings v = alerts;
        AlertSettings d = g.alerts();
        return new AlertSettings(v.emailAlert() != null ? v.emailAlert() : d.emailAlert(),
                v.frequency() != null ? v.frequency() : d.frequency(),
                v.statuses() != null ? v.statuses() : d.statuses(),
                v.smtp() != null ? v.smtp() : d.smtp());
    }

    private static int firstSet(Integer a, Integer b, Integer c, Integer d, int fallbackValue) {
        if (a != null) {
            return a;
        }
        if (b != null) {
            return b;
        }
        if (c != null) {
            return c;
        }
        return d != null ? d : fallbackValue;
    }
}
