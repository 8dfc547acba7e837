package lvsdirector.state;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvsdirector.support.InetAddrs;

/**
 * A real server as an operator names it: {@code RIP} (every port) or {@code RIP:PORT}; IPv6 as
 * {@code [2001:db8::2]:80} (or bare without a port). Numeric addresses only: no name lookups.
 *
 * @param port null for every port of the address
 */
public record ServerRef(InetAddress address, Integer port) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V4_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?::(\\d+))?");
    private static final Pattern V6_PORT = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\](?::(\\d+))?");
    private static final Pattern V6_BARE = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public ServerRef {
        Objects.requireNonNull(address, "address");
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** @throws IllegalArgumentException with the reason, for anything that is not RIP[:PORT] */
    public static ServerRef parse(String text) {
        String t = text.trim();
        Matcher v4 = V4_PORT.matcher(t);
        Matcher v6 = V6_PORT.matcher(t);
        if (v4.matches()) {
            return new ServerRef(literal(v4.group(1), text), port(v4.group(2), text));
        }
        if (v6.matches()) {
            return new ServerRef(literal(v6.group(1), text), port(v6.group(2), text));
        }
        if (V6_BARE.matcher(t).matches()) {
            return new ServerRef(literal(t, text), null);
        }
        throw new IllegalArgumentException("not a real server: '" + text + "' (expected RIP or RIP:PORT, numeric, "
                + "IPv6 in brackets with a port)");
    }

    private static InetAddress literal(String address, String text) {
        if (IPV4.matcher(address).matches()) {
            for (String octet : address.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new IllegalArgumentException("not an IPv4 address in '" + text + "'");
                }
            }
        }
        try {
            return InetAddress.getByName(address); // a literal: never a lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address in '" + text + "'");
        }
    }

    private static Integer port(String digits, String text) {
        if (digits == null) {
            return null;
        }
        int port = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + text + "'");
        }
        return port;
    }

    /** Whether this names the real at {@code address}:{@code configuredPort}. */
    public boolean matches(InetAddress realAddress, int configuredPort) {
        return address.equals(realAddress) && (port == null || port == configuredPort);
    }

    @Override
    public String toString() {
        return port == null ? InetAddrs.numeric(address) : InetAddrs.hostPort(address, port);
    }
}
