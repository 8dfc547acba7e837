package lvsdirector.config;

import java.net.InetAddress;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** fallback= / fallback6= values: "host[:port] [gate|masq|ipip]", parsed then resolved as ldirectord does. */
final class FallbackParser {

    /** A fallback as written; portText null when neither given nor inherited from the virtual. */
    record Spec(String serverText, String portText, Forwarding forwarding) {}

    // Unanchored at the start: "a b c" yields server "b", method "c", as in ldirectord.
    private static final Pattern HOST_AND_METHOD = Perl.rx("(\\S+)(\\s+(\\S+))?\\s*$");
    private static final Pattern TRAILING_PORT = Perl.rx("(:(\\d+|[A-Za-z0-9_-]+))?$");
    private static final Pattern BRACKETED = Perl.rx("\\[(.*)\\]");

    private FallbackParser() {}

    /** @param inheritedPort the virtual's port text for a per-virtual fallback, null for the global one */
    static Spec parse(String value, String inheritedPort) {
        String hostPort = value;
        String method = null;
        Matcher m = Perl.find(HOST_AND_METHOD, value);
        if (m != null) {
            method = m.group(3);
            hostPort = m.group(1);
        }
        Matcher p = Perl.find(TRAILING_PORT, hostPort);
        String port = p.group(2);
        String server = hostPort.substring(0, p.start()) + hostPort.substring(p.end());
        if (port == null) {
            port = inheritedPort;
        }
        Forwarding forwarding = Forwarding.GATE;
        if (Perl.isTrue(method)) {
            forwarding = Forwarding.ofWord(method);
            DirectiveError.require(forwarding != null, "forward method must be gate, masq or ipip");
        }
        return new Spec(server, port, forwarding);
    }

    /** @param protocol the virtual's protocol word ("tcp", "udp", "fwm") used to look up a port name */
    static Fallback resolve(Spec spec, String protocol, boolean ipv6, ParserOptions options) {
        InetAddress address = resolveHost(spec.serverText(), ipv6, options.hosts());
        if (address == null) {
            throw new DirectiveError("invalid " + (ipv6 ? "IPv6" : "IPv4")
                    + " address or could not resolve for fallback server: " + spec.serverText());
        }
        if (!Perl.isTrue(spec.portText())) {
            Integer port = spec.portText() == null ? null : 0;
            return new Fallback(spec.serverText(), address, port, spec.forwarding());
        }
        OptionalInt port = servicePort(spec.portText(), protocol, options.services());
        DirectiveError.require(port.isPresent(), "invalid port for fallback server");
        return new Fallback(spec.serverText(), address, port.getAsInt(), spec.forwarding());
    }

    /** ldirectord's ld_gethostbyname: brackets removed, then a lookup restricted to the family. */
    static InetAddress resolveHost(String name, boolean ipv6, HostResolver hosts) {
        Matcher m = Perl.find(BRACKETED, name);
        String bare = m != null ? m.group(1) : name;
        return hosts.resolve(bare, ipv6).orElse(null);
    }

    /** ldirectord's ld_getservbyname: all digits → 0..65535, anything else → service lookup. */
    static OptionalInt servicePort(String name, String protocol, ServiceResolver services) {
        if (name.matches("[0-9]+")) {
            long v = Perl.toLong(name);
            return v < 65536 ? OptionalInt.of((int) v) : OptionalInt.empty();
        }
        return services.port(name, protocol);
    }
}
