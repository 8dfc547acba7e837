package lvsdirector.check.lib;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import lvsdirector.check.CheckSpec;

/**
 * Negotiate for service radius: an RFC 2865 Access-Request with User-Name {@code login}, User-Password
 * {@code passwd} hidden with {@code secret}; up only on an Access-Accept whose Response Authenticator is valid.
 *
 * @param timeout the whole exchange (ldirectord: checktimeout)
 */
public record RadiusCheck(InetAddress address, int port, String secret, String login, String passwd,
                          Duration timeout) implements CheckSpec {
    public RadiusCheck {
        Objects.requireNonNull(address, "address");
        secret = Objects.requireNonNullElse(secret, "");
        login = Objects.requireNonNullElse(login, "");
        passwd = Objects.requireNonNullElse(passwd, "");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
    }

    /** Secret and password are left out: the record's text ends up in logs. */
    @Override
    public String toString() {
        return "RadiusCheck[" + address.getHostAddress() + ":" + port + ", login=" + login + ", timeout=" + timeout + "]";
    }
}
