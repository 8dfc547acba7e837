package lvsdirector.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * checktype=ping (and connect on a udp service): up when the host answers within the timeout in one of
 * {@code attempts} tries (ldirectord's deprecated checkcount).
 *
 * @param port the real's port: not used by the ping, but it names the real in logs and maintenance files
 */
public record PingCheck(InetAddress address, int port, Duration timeout, int attempts) implements CheckSpec {
    public PingCheck {
        Objects.requireNonNull(address, "address");
        Checks.requirePort(port);
        Checks.requirePositive(timeout);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
    }

    /** Every attempt may use the whole timeout. */
    @Override
    public Duration timeout() {
        return timeout.multipliedBy(attempts);
    }
}
