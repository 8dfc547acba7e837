package lvsdirector.check.text;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import lvsdirector.check.CheckSpec;

/**
 * service=imap and imaps (implicit TLS, certificate not verified): up iff the greeting is {@code * OK} (or
 * {@code * PREAUTH}) and, when a login is set, LOGIN answers OK; then LOGOUT.
 *
 * @param login  "" for a greeting-only check
 */
public record ImapCheck(InetAddress address, int port, boolean tls, String login, String passwd, Duration timeout)
        implements CheckSpec {
    public ImapCheck {
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
