package lvsdirector.check;

import java.net.InetAddress;
import java.util.Objects;

/** checktype=on: no traffic, the server is up at every round (unless in maintenance). */
public record OnCheck(InetAddress address, int port) implements CheckSpec {
    public OnCheck {
        Objects.requireNonNull(address, "address");
        Checks.requirePort(port);
    }
}
