package lvsdirector.check.text;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import lvsdirector.check.CheckSpec;

/** service=nntp: up iff the first bytes the server sends (at most 64 are read) start with "2". */
public record NntpCheck(InetAddress address, int port, Duration timeout) implements CheckSpec {
    public NntpCheck {
        Objects.requireNonNull(address, "address");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
    }
}
