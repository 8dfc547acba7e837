package lvsdirector.check.text;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import lvsdirector.check.CheckSpec;

/**
 * service=pop and pops (implicit TLS, certificate not verified): up iff the greeting is {@code +OK} and, when
 * a login is set, USER/PASS both answer {@code +OK}. ldirectord calls a server without login always up; this
 * project requires the greeting.
 *
 * @param login  "" for a greeting-only check
 */
public record PopCheck(InetAddress address, int port, boolean tls, String login, String passwd, Duration timeout)
        implements CheckSpec {
    public PopCheck {
        Objects.requireNonNull(address, "address");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
        login = Specs.singleLine("login", login);
        passwd = Specs.singleLine("passwd", passwd);
    }

    public boolean logsIn() {
        return !login.isEmpty();
    }
}
