package lvsdirector.cli.lvsadm;

import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ipvsadm's service selectors: {@code -t|-u|--sctp-service host[:port]} and {@code -f mark [-6]}.
 * Only numeric addresses are accepted (no name lookups): {@code 10.0.0.1}, {@code 10.0.0.1:80},
 * {@code [2001:db8::1]}, {@code [2001:db8::1]:80}. A missing port is 0, as in ipvsadm.
 */
final class ServiceSelector {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::(\\d{1,5}))?");
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::(\\d{1,5}))?");

    private ServiceSelector() {}

    static ServiceKey address(Protocol protocol, String text) throws UsageException {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    throw illegalAddress();
                }
            }
            return new ServiceKey.Address(protocol, literal(text.split(":")[0]), port(v4.group(5)));
        }
        Matcher v6 = IPV6.matcher(text);
        if (v6.matches() && v6.group(1).contains(":")) {
            return new ServiceKey.Address(protocol, literal("[" + v6.group(1) + "]"), port(v6.group(2)));
        }
        throw illegalAddress();
    }

    static ServiceKey fwmark(String text, boolean ipv6) throws UsageException {
        try {
            int mark = Integer.parseInt(text);
            if (mark > 0) {
                return new ServiceKey.Fwmark(mark, ipv6);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("illegal virtual server fwmark specified");
    }

    private static int port(String digits) throws UsageException {
        if (digits == null) {
            return 0;
        }
        int port = Integer.parseInt(digits);
        if (port > 65535) {
            throw illegalAddress();
        }
        return port;
    }

    /** A dotted quad, or a bracketed IPv6 literal (which the JDK refuses instead of resolving when invalid). */
    private static InetAddress literal(String numeric) throws UsageException {
        try {
            return InetAddress.getByName(numeric);
        } catch (UnknownHostException e) {
            throw illegalAddress();
        }
    }

    private static UsageException illegalAddress() {
        return new UsageException("illegal virtual server address[:port] specified");
    }
}
