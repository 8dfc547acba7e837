package lvsdirector.check;

import java.net.InetAddress;
import java.util.Objects;

/**
 * checktype=off: no check and no state change; the health stays what the director started it with.
 * Only a maintenance file can take such a server down.
 */
public record OffCheck(InetAddress address, int port) implements CheckSpec {
    public OffCheck {
        Objects.requireNonNull(address, "address");
        Checks.requirePort(port);
    }
}
