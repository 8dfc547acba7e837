package lvsdirector.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/** checktype=connect: a TCP connect to the check port within the timeout, then close. */
public record ConnectCheck(InetAddress address, int port, Duration timeout) implements CheckSpec {
    public ConnectCheck {
        Objects.requireNonNull(address, "address");
        Checks.requirePort(port);
        Checks.requirePositive(timeout);
    }
}
