package lvsdirector.director;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.CombinedCheck;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.ExternalCheck;
import lvsdirector.check.FallbackConnectCheck;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.NoneCheck;
import lvsdirector.check.OffCheck;
import lvsdirector.check.OnCheck;
import lvsdirector.check.PingCheck;
import lvsdirector.check.lib.LibrarySpecs;
import lvsdirector.config.CheckSettings;
import lvsdirector.config.CheckType;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.config.VirtualProtocol;
import lvsdirector.support.InetAddrs;

/**
 * Turns one real of one virtual into the {@link CheckJob} that watches it, resolving ldirectord's defaults:
 * check port (checkport → real port → service default), timeouts, interval, failure count, maintenance dir
 * and per-real request/receive (always honoured, unlike ldirectord 4.12).
 */
public final class CheckPlanner {
    private static final String DEFAULT_CHECK_COMMAND = "/bin/true";

    private CheckPlanner() {}

    /**
     * @throws IllegalArgumentException when the settings cannot make a check (e.g. http_proxy without an
     *                                  absolute URL as request, an invalid receive regex)
     */
    public static CheckJob plan(VirtualConfig virtual, RealConfig real, Globals globals) {
        CheckSpec spec = spec(virtual, real, globals);
        Duration interval = Duration.ofSeconds(virtual.effectiveCheckInterval(globals));
        Path maintenanceDir = globals.maintenanceDir() == null ? null : Path.of(globals.maintenanceDir());
        return new CheckJob(spec, interval, virtual.effectiveFailureCount(globals), maintenanceDir);
    }

    static CheckSpec spec(VirtualConfig virtual, RealConfig real, Globals globals) {
        CheckSettings settings = virtual.check();
        InetAddress address = real.address();
        int port = checkPort(virtual, real);
        Duration checkTimeout = Duration.ofSeconds(virtual.effectiveCheckTimeout(globals));
        CheckType type = settings.checkType() == null ? CheckType.NEGOTIATE : settings.checkType();
        return switch (type) {
            case ON -> new OnCheck(address, port);
            case OFF -> new OffCheck(address, port);
            case PING -> new PingCheck(address, real.port(), checkTimeout, virtual.effectiveCheckCount(globals));
            // ldirectord's connect check on a udp service is an ICMP ping
            case CONNECT -> virtual.protocol() == VirtualProtocol.UDP
                    ? new PingCheck(address, real.port(), checkTimeout, virtual.effectiveCheckCount(globals))
                    : new ConnectCheck(address, port, checkTimeout);
            case EXTERNAL, EXTERNAL_PERL -> external(virtual, real, checkTimeout);
            case NEGOTIATE -> negotiate(virtual, real, globals, port);
            case COMBINED -> new CombinedCheck(negotiate(virtual, real, globals, port),
                    new ConnectCheck(address, port, checkTimeout), settings.combinedConnects());
        };
    }

    /** checkport → the real's port if > 0 → the service's default port (0 if it has none). */
    static int checkPort(VirtualConfig virtual, RealConfig real) {
        Integer checkPort = virtual.check().checkPort();
        if (checkPort != null && checkPort > 0) {
            return checkPort;
        }
        if (real.port() > 0) {
            return real.port();
        }
        return service(virtual).defaultPort();
    }

    static ServiceType service(VirtualConfig virtual) {
        ServiceType service = virtual.check().service();
        if (service != null) {
            return service;
        }
        if (virtual.address() instanceof VirtualAddress.HostPort hp) {
            return ServiceType.guessFromPort(hp.port());
        }
        return ServiceType.NONE;
    }

    private static CheckSpec negotiate(VirtualConfig virtual, RealConfig real, Globals globals, int port) {
        ServiceType service = service(virtual);
        InetAddress address = real.address();
        Duration negotiateTimeout = Duration.ofSeconds(virtual.effectiveNegotiateTimeout(globals));
        return switch (service) {
            case NONE -> new NoneCheck(address, port);
            case HTTP, HTTPS -> http(virtual, real, port, service == ServiceType.HTTPS, negotiateTimeout);
            case HTTP_PROXY -> httpProxy(virtual, real, port, negotiateTimeout);
            case DNS, RADIUS, LDAP, LDAPS, MYSQL, PGSQL, ORACLE -> LibrarySpecs.of(service.word(), address, port,
                    virtual.protocol() == VirtualProtocol.TCP, settings(virtual, real),
                    Duration.ofSeconds(virtual.effectiveCheckTimeout(globals)), negotiateTimeout);
            default -> new FallbackConnectCheck(service.word(), address, port,
                    Duration.ofSeconds(virtual.effectiveCheckTimeout(globals)));
        };
    }

    private static HttpCheck http(VirtualConfig virtual, RealConfig real, int port, boolean https, Duration timeout) {
        CheckSettings settings = virtual.check();
        String request = request(virtual, real);
        String absolute = absoluteUrlIn(request);
        String url = absolute != null ? absolute
                : (https ? "https://" : "http://") + InetAddrs.hostPort(real.address(), port)
                        + (request.startsWith("/") ? request : "/" + request);
        String virtualHost = settings.virtualHost();
        String hostHeader = virtualHost != null && !virtualHost.isEmpty() ? virtualHost
                : absolute != null ? null : InetAddrs.bracketed(real.address());
        return new HttpCheck(real.address(), port, url, hostHeader, HttpCheck.Method.of(settings.httpMethod()),
                receive(virtual, real), timeout, false);
    }

    private static HttpCheck httpProxy(VirtualConfig virtual, RealConfig real, int port, Duration timeout) {
        String request = request(virtual, real);
        String url = absoluteUrlIn(request);
        if (url == null) {
            throw new IllegalArgumentException("service http_proxy needs an absolute URL as request (virtual "
                    + virtual.id() + ", real " + InetAddrs.hostPort(real.address(), real.port()) + "), got "
                    + request);
        }
        return new HttpCheck(real.address(), port, url, null, HttpCheck.Method.of(virtual.check().httpMethod()),
                receive(virtual, real), timeout, true);
    }

    private static ExternalCheck external(VirtualConfig virtual, RealConfig real, Duration timeout) {
        String command = virtual.check().checkCommand();
        if (command == null || command.isEmpty()) {
            command = DEFAULT_CHECK_COMMAND;
        }
        String virtualArg;
        int virtualPort;
        if (virtual.address() instanceof VirtualAddress.HostPort hp) {
            virtualArg = InetAddrs.bracketed(hp.address());
            virtualPort = hp.port();
        } else {
            virtualArg = Integer.toString(((VirtualAddress.Fwmark) virtual.address()).mark());
            virtualPort = 0;
        }
        return new ExternalCheck(command, virtualArg, virtualPort, real.address(), real.port(), timeout);
    }

    private static LibrarySpecs.Settings settings(VirtualConfig virtual, RealConfig real) {
        CheckSettings s = virtual.check();
        return new LibrarySpecs.Settings(request(virtual, real), receive(virtual, real), s.login(), s.passwd(),
                s.database(), s.secret());
    }

    /** The per-real request wins over the virtual's; ldirectord's default is "/". */
    private static String request(VirtualConfig virtual, RealConfig real) {
        if (real.request() != null) {
            return real.request();
        }
        String request = virtual.check().request();
        return request == null || request.isEmpty() ? "/" : request;
    }

    private static String receive(VirtualConfig virtual, RealConfig real) {
        if (real.receive() != null) {
            return real.receive();
        }
        String receive = virtual.check().receive();
        return receive == null ? "" : receive;
    }

    /** A request carrying "http://" or "https://" (after ldirectord's prepended "/") is a full URL. */
    private static String absoluteUrlIn(String request) {
        int http = request.indexOf("http://");
        int https = request.indexOf("https://");
        if (http < 0 && https < 0) {
            return null;
        }
        int start = http < 0 ? https : https < 0 ? http : Math.min(http, https);
        return request.substring(start);
    }
}
