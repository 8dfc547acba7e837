package lvsdirector.check.lib;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import lvsdirector.check.CheckSpec;

/**
 * Negotiate for service dns: ask the real server (as resolver) for {@code query}'s A records, or its PTR record
 * when {@code query} is an IP address; up iff an answer's address (A) or name (PTR) matches {@code receive}
 * (unanchored regex). An empty receive is always down, as in ldirectord.
 *
 * @param query   the request without ldirectord's leading "/"
 * @param tcp     true for a tcp virtual service, else the query goes over UDP
 * @param timeout the whole exchange (ldirectord: negotiatetimeout)
 */
public record DnsCheck(InetAddress address, int port, boolean tcp, String query, String receive, Duration timeout)
        implements CheckSpec {
    public DnsCheck {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(query, "query");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
        Specs.requireRegex(receive);
    }

    /** Whether the query is an IP address (then a PTR lookup of its reverse name is made). */
    public boolean reverse() {
        return Dns.isIpLiteral(query);
    }

    public boolean matches(String answer) {
        return !receive.isEmpty() && Pattern.compile(receive).matcher(answer).find();
    }

    /** Name helpers that need no resolver. */
    static final class Dns {
        private Dns() {}

        static boolean isIpLiteral(String text) {
            return text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (text.contains(":") && text.matches("[0-9a-fA-F:.]+"));
        }
    }
}
