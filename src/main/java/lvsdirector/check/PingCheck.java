package lvsdirector.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * checktype=ping (and connect on a udp service): up when the host answers within the timeout in one of
 * {@code attempts} tries (ldirectord's deprecated checkcount).
 */
public record PingCheck(InetAddress address, Duration timeout, int attempts) implements CheckSpec {
    public PingCheck {
        Objects.requireNonNull(address, "address");
        Checks.requirePositive(timeout);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
    }

    @Override
    public int port() {
        return 0;
    }

    /** Every attempt may use the whole timeout. */
    @Override
    public Duration timeout() {
        return timeout.multipliedBy(attempts);
    }
}
