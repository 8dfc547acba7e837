package lvsdirector.check.text;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import lvsdirector.check.CheckSpec;

/**
 * service=smtp and submission: up iff the banner is 2xx and {@code EHLO localhost.localdomain} (or, when the
 * server rejects it, {@code HELO}) is answered 2xx; then QUIT. Credentials are not used, as in ldirectord.
 */
public record SmtpCheck(InetAddress address, int port, Duration timeout) implements CheckSpec {
    public SmtpCheck {
        Objects.requireNonNull(address, "address");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
    }
}
