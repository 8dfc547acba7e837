package lvsdirector.check;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Negotiate with service=none (ldirectord's default for fwmark services and unknown ports): always up,
 * nothing is sent. Kept apart from {@link OnCheck} so logs and configtest can tell the two apart.
 */
public record NoneCheck(InetAddress address, int port) implements CheckSpec {
    public NoneCheck {
        Objects.requireNonNull(address, "address");
        Checks.requirePort(port);
    }
}
