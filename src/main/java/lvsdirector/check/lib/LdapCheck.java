package lvsdirector.check.lib;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import lvsdirector.check.CheckSpec;

/**
 * Negotiate for service ldap / ldaps: bind (simple with {@code login}/{@code passwd} when both are set, else
 * anonymous), search {@code base} with scope base and filter (objectClass=*); up iff exactly one entry comes
 * back and {@code receive} is empty or matches its DN (unanchored regex). ldaps: TLS without certificate
 * verification, like ldirectord.
 *
 * @param base    the request without ldirectord's leading "/"
 * @param timeout the whole exchange (ldirectord: checktimeout)
 */
public record LdapCheck(InetAddress address, int port, boolean ldaps, String login, String passwd, String base,
                        String receive, Duration timeout) implements CheckSpec {
    public LdapCheck {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(base, "base");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
        Specs.requireRegex(receive);
    }

    public boolean simpleBind() {
        return login != null && !login.isEmpty() && passwd != null && !passwd.isEmpty();
    }

    public boolean dnMatches(String dn) {
        return receive.isEmpty() || Pattern.compile(receive).matcher(dn).find();
    }

    @Override
    public String toString() {
        return "LdapCheck[" + (ldaps ? "ldaps://" : "ldap://") + address.getHostAddress() + ":" + port + ", base="
                + base + ", login=" + login + ", receive=" + receive + ", timeout=" + timeout + "]";
    }
}
