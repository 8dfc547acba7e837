package lvsdirector.config;

import java.net.InetAddress;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a virtual= / virtual6= line, in ldirectord's order of forms: "A.B.C.D:port" (IPv4 only),
 * "host:port", a leading digit run (firewall mark — so "10.0.0.1" without port is mark 10), "[v6]:port".
 *
 * @param hostText  host as written (with brackets for IPv6), null for a firewall mark
 * @param portText  port number or service name as written, null for a firewall mark
 * @param markText  the mark's digit run, null for an address service
 */
record VirtualHeader(boolean ipv6, String hostText, String portText, String markText, boolean markFromAddress) {

    private static final Pattern DOTTED_QUAD_PORT = Perl.rx("^(\\d+\\.\\d+\\.\\d+\\.\\d+):([0-9A-Za-z_-]+)");
    private static final Pattern HOST_PORT = Perl.rx("^([0-9A-Za-z._+-]+):([0-9A-Za-z_-]+)");
    private static final Pattern MARK = Perl.rx("^(\\d+)");
    private static final Pattern MARK_THEN_DOT = Perl.rx("^\\d+\\.");
    private static final Pattern BRACKETED_V6 = Perl.rx("^\\[([0-9A-Fa-f:]+)\\]:([0-9A-Za-z_-]+)");

    /** Parses the text after "virtual=", throwing DirectiveError for the forms ldirectord rejects at once. */
    static VirtualHeader parse(String value, boolean ipv6) {
        Matcher m = Perl.match(DOTTED_QUAD_PORT, value);
        if (m != null && !ipv6) {
            return new VirtualHeader(false, m.group(1), m.group(2), null, false);
        }
        m = Perl.match(HOST_PORT, value);
        if (m != null) {
            return new VirtualHeader(ipv6, m.group(1), m.group(2), null, false);
        }
        m = Perl.match(MARK, value);
        if (m != null) {
            return new VirtualHeader(ipv6, null, null, m.group(1), Perl.match(MARK_THEN_DOT, value) != null);
        }
        m = Perl.match(BRACKETED_V6, value);
        if (m != null && !ipv6) {
            throw new DirectiveError("cannot specify an IPv6 address here. please use \"virtual6\" instead.");
        }
        if (m != null) {
            DirectiveError.require(isIpv6Literal(m.group(1)), "invalid ipv6 address for virtual server");
            return new VirtualHeader(true, "[" + m.group(1) + "]", m.group(2), null, false);
        }
        throw new DirectiveError("invalid address for virtual server");
    }

    boolean isMark() {
        return markText != null;
    }

    /** The "host:port" string ldirectord builds; its default protocol is udp when it ends in :53 or :domain. */
    String ipPort() {
        return hostText + ":" + portText;
    }

    boolean defaultsToUdp() {
        return portText != null && (portText.equals("53") || portText.equals("domain"));
    }

    /** Resolves host and port for the block's final protocol; null when ldirectord would fail. */
    VirtualAddress.HostPort resolve(String protocol, ParserOptions options) {
        InetAddress address = FallbackParser.resolveHost(hostText, ipv6, options.hosts());
        if (address == null) {
            return null;
        }
        OptionalInt port = FallbackParser.servicePort(portText, protocol, options.services());
        if (port.isEmpty()) {
            return null;
        }
        return new VirtualAddress.HostPort(hostText, address, portText, port.getAsInt());
    }

    /** Strict inet_pton(AF_INET6) check: hex groups and at most one "::" (the bracket pattern allows no dots). */
    static boolean isIpv6Literal(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if (text.contains(":::")) {
            return false;
        }
        String[] halves = doubleColon >= 0
                ? new String[] {text.substring(0, doubleColon), text.substring(doubleColon + 2)}
                : new String[] {text};
        int groups = 0;
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String group : half.split(":", -1)) {
                if (group.isEmpty() || group.length() > 4) {
                    return false;
                }
                groups++;
            }
        }
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }
}
