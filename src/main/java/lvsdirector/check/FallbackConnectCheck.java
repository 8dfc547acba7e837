package lvsdirector.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * A negotiate check for a service whose protocol exchange is not implemented yet (smtp, ldap, mysql, ...):
 * a TCP connect to the check port stands in, and one warning per spec says so.
 */
public record FallbackConnectCheck(String service, InetAddress address, int port, Duration timeout)
        implements CheckSpec {
    public FallbackConnectCheck {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(address, "address");
        Checks.requirePort(port);
        Checks.requirePositive(timeout);
    }

    public ConnectCheck asConnect() {
        return new ConnectCheck(address, port, timeout);
    }
}
