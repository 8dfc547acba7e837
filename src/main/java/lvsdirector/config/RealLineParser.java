package lvsdirector.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a real= / real6= line:
 * {@code HOST[->HOST2][:PORT] gate|masq|ipip [WEIGHT] ["REQUEST", "RECEIVE"] [l:LOW] [u:HIGH]}.
 * Matching is unanchored, like ldirectord's (a receive string containing " 200" can be taken as the weight).
 */
final class RealLineParser {
    private static final String HOST = "(?:\\d+\\.\\d+\\.\\d+\\.\\d+|[A-Za-z0-9.-]+|\\[[0-9A-fa-f:]+\\])";
    private static final Pattern REAL = Perl.rx(
            "(" + HOST + ")(->(" + HOST + "))?(:(\\d+|[A-Za-z0-9_-]+))?\\s+(.*)");
    private static final Pattern METHOD = Perl.rx("(\\w+)(.*)");
    private static final Pattern WEIGHT = Perl.rx("\\s+(\\d+)(.*)");
    private static final Pattern REQUEST_RECEIVE = Perl.rx("\\s+\"(.*)\"[, ]\\s*\"(.*)\"(.*)");
    private static final Pattern LOWER = Perl.rx("\\s+l:(\\d+)(.*)");
    private static final Pattern UPPER = Perl.rx("\\s+u:(\\d+)(.*)");
    private static final Pattern NON_SPACE = Perl.rx("\\S");

    /** More addresses than this in one A->B range is refused (ldirectord would try to build them all). */
    static final long MAX_RANGE = 65536;

    private RealLineParser() {}

    /** One record per real server (several for a range); throws DirectiveError as ldirectord reports it. */
    static List<RealConfig> parse(String value, int line, boolean ipv6, ParserOptions options) {
        Matcher m = Perl.find(REAL, value);
        DirectiveError.require(m != null, "invalid address for real server (wrong format)");
        String host = m.group(1);
        String endHost = m.group(3);
        String portText = m.group(5) != null ? m.group(5) : "0";
        String flags = m.group(6);

        InetAddress first = FallbackParser.resolveHost(host, ipv6, options.hosts());
        DirectiveError.require(first != null,
                "invalid address (" + host + ") for real server (could not resolve host)");
        OptionalInt port = FallbackParser.servicePort(portText, "", options.services());
        DirectiveError.require(port.isPresent(),
                "invalid port (" + portText + ") for real server (could not resolve port)");
        if (endHost == null) {
            return List.of(real(line, host, first, port.getAsInt(), flags));
        }
        InetAddress last = FallbackParser.resolveHost(endHost, ipv6, options.hosts());
        DirectiveError.require(last != null,
                "invalid address (" + endHost + ") for real server (could not resolve end host)");
        return range(line, first, last, port.getAsInt(), flags);
    }

    /**
     * ldirectord compares the loop counter with the end as decimal *strings*, so a range whose numeric
     * values differ in digit count stops early (possibly before the first address). Reproduced.
     */
    private static List<RealConfig> range(int line, InetAddress first, InetAddress last, int port, String flags) {
        DirectiveError.require(first instanceof Inet4Address && last instanceof Inet4Address,
                "Address range for IPv6 is not supported yet");
        long from = toLong(first);
        long to = toLong(last);
        DirectiveError.require(from <= to, "Invalid Range: " + first.getHostAddress() + "-" + last.getHostAddress()
                + ": First value must be greater than or equal to the second value");
        DirectiveError.require(to - from < MAX_RANGE, "Invalid Range: " + first.getHostAddress() + "-"
                + last.getHostAddress() + ": more than " + MAX_RANGE + " addresses");
        String end = Long.toString(to);
        List<RealConfig> reals = new ArrayList<>();
        for (long i = from; Long.toString(i).compareTo(end) <= 0; i++) {
            InetAddress a = fromLong(i);
            reals.add(real(line, a.getHostAddress(), a, port, flags));
        }
        return reals;
    }

    private static RealConfig real(int line, String hostText, InetAddress address, int port, String flags) {
        Matcher m = Perl.find(METHOD, flags);
        Forwarding forwarding = m == null ? null : Forwarding.ofWord(m.group(1));
        DirectiveError.require(forwarding != null, "forward method must be gate, masq or ipip");
        String rest = m.group(2);
        int weight = 1;
        if ((m = Perl.find(WEIGHT, rest)) != null) {
            weight = Perl.toInt(m.group(1));
            rest = m.group(2);
        }
        String request = null;
        String receive = null;
        if ((m = Perl.find(REQUEST_RECEIVE, rest)) != null) {
            request = m.group(1).startsWith("/") ? m.group(1) : "/" + m.group(1);
            receive = m.group(2);
            rest = m.group(3);
        }
        int lower = 0;
        if ((m = Perl.find(LOWER, rest)) != null) {
            lower = Perl.toInt(m.group(1));
            rest = m.group(2);
        }
        int upper = 0;
        if ((m = Perl.find(UPPER, rest)) != null) {
            upper = Perl.toInt(m.group(1));
            rest = m.group(2);
        }
        DirectiveError.require(Perl.find(NON_SPACE, rest) == null,
                "Invalid real server line, around \"" + rest + "\"");
        return new RealConfig(line, hostText, address, port, forwarding, weight, request, receive, lower, upper);
    }

    private static long toLong(InetAddress a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    private static InetAddress fromLong(long v) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
    }
}
