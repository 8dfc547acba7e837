package lvsdirector.check.text;

import lvsdirector.support.Hostnames;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import lvsdirector.check.CheckSpec;

/**
 * service=sip: one {@code OPTIONS sip:<login> SIP/2.0} request over UDP or TCP; up iff the first line of the
 * answer starts with {@code SIP/2.0 200 OK}.
 *
 * @param login the request URI's user@host part, e.g. "ldirectord@director1"
 */
public record SipCheck(InetAddress address, int port, Transport transport, String login, Duration timeout)
        implements CheckSpec {
    public SipCheck {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
        login = Specs.singleLine("login", login);
        if (login.isEmpty() || login.chars().anyMatch(c -> c == ' ' || c == '<' || c == '>')) {
            throw new IllegalArgumentException("sip login must be a non-empty user@host without spaces or <>: "
                    + login);
        }
    }

    /** ldirectord's default login: "ldirectord@" + this host's name. */
    public static String defaultLogin() {
        return "ldirectord@" + Hostnames.local();
    }

}
