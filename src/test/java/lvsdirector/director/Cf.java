package lvsdirector.director;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lvsdirector.config.AlertSettings;
import lvsdirector.config.CheckSettings;
import lvsdirector.config.CheckType;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.Fallback;
import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.config.VirtualProtocol;

/** Test builders for config records (the parser lives elsewhere; these mirror what it produces). */
final class Cf {
    private Cf() {}

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static RealConfig real(String host, int port, Forwarding fwd, int weight) {
        return new RealConfig(1, host, ip(host), port, fwd, weight, null, null, 0, 0);
    }

    static RealConfig real(String host, int port, Forwarding fwd, int weight, int lower, int upper) {
        return new RealConfig(1, host, ip(host), port, fwd, weight, null, null, lower, upper);
    }

    static Fallback fallback(String host, Integer port, Forwarding fwd) {
        return new Fallback(host, ip(host), port, fwd);
    }

    static CheckSettings check(CheckType type, ServiceType service) {
        return new CheckSettings(type, 0, service, "/bin/true", "/", "", "", "", "", "", "GET", null, null, null,
                null, null, null, null);
    }

    static Globals globals() {
        return Globals.DEFAULTS;
    }

    static Globals globals(boolean quiescent, boolean readdQuiescent, boolean cleanstop) {
        Globals d = Globals.DEFAULTS;
        return new Globals(d.checkTimeout(), d.negotiateTimeout(), d.checkInterval(), d.checkCount(), d.failureCount(),
                d.autoreload(), d.callback(), d.logfile(), d.execute(), d.fork(), d.supervised(), quiescent,
                readdQuiescent, cleanstop, d.fallback(), d.fallback6(), d.fallbackCommand(), d.alerts(),
                d.emailAlertFrom(), d.maintenanceDir());
    }

    static DirectorConfig config(Globals g, VirtualConfig... virtuals) {
        return new DirectorConfig(Path.of("/etc/ha.d/test.cf"), g, List.of(virtuals), List.of());
    }

    static V tcp(String vip, int port) {
        return new V(new VirtualAddress.HostPort(vip, ip(vip), Integer.toString(port), port), vip.contains(":"),
                VirtualProtocol.TCP);
    }

    static V udp(String vip, int port) {
        return new V(new VirtualAddress.HostPort(vip, ip(vip), Integer.toString(port), port), vip.contains(":"),
                VirtualProtocol.UDP);
    }

    static V fwm(int mark, boolean ipv6) {
        return new V(new VirtualAddress.Fwmark(mark), ipv6, VirtualProtocol.FWM);
    }

    /** A mutable builder for one virtual block. */
    static final class V {
        private final VirtualAddress address;
        private final boolean ipv6;
        private final VirtualProtocol protocol;
        private final List<RealConfig> reals = new ArrayList<>();
        private CheckSettings check = Cf.check(CheckType.NEGOTIATE, ServiceType.HTTP);
        private SchedulingSettings scheduling = new SchedulingSettings("wrr", null, null, null, false);
        private Boolean quiescent;
        private Boolean cleanstop;
        private Fallback fallback;
        private String fallbackCommand;
        private AlertSettings alerts = AlertSettings.UNSET;
        private String monitorFile;
        private String serviceName;
        private String comment;

        V(VirtualAddress address, boolean ipv6, VirtualProtocol protocol) {
            this.address = address;
            this.ipv6 = ipv6;
            this.protocol = protocol;
        }

        V real(RealConfig r) {
            reals.add(r);
            return this;
        }

        V check(CheckSettings c) {
            check = c;
            return this;
        }

        V scheduling(SchedulingSettings s) {
            scheduling = s;
            return this;
        }

        V quiescent(boolean q) {
            quiescent = q;
            return this;
        }

        V cleanstop(boolean c) {
            cleanstop = c;
            return this;
        }

        V fallback(Fallback f) {
            fallback = f;
            return this;
        }

        V fallbackCommand(String cmd) {
            fallbackCommand = cmd;
            return this;
        }

        V alerts(AlertSettings a) {
            alerts = a;
            return this;
        }

        V monitorFile(String file) {
            monitorFile = file;
            return this;
        }

        V serviceName(String name, String commentText) {
            serviceName = name;
            comment = commentText;
            return this;
        }

        VirtualConfig build() {
            return new VirtualConfig(1, address, ipv6, protocol, reals, check, scheduling, quiescent, cleanstop, fallback,
                    fallbackCommand, alerts, monitorFile, serviceName, comment);
        }
    }
}
