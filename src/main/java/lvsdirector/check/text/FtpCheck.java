package lvsdirector.check.text;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import lvsdirector.check.CheckSpec;

/**
 * service=ftp: log in, {@code CWD /}, {@code TYPE I}, passive mode, {@code RETR path} into memory (bounded),
 * QUIT. Up iff the downloaded content contains a match of {@code receive}; with an empty receive, up iff the
 * download completed (ldirectord's outcome there depends on Perl's last-successful-pattern rule).
 *
 * @param login   "" = anonymous (password "-anonymous@"), as Net::FTP does
 * @param path    the file to fetch, as configured (with its leading "/")
 * @param receive regex searched in the content; "" for "any content"
 */
public record FtpCheck(InetAddress address, int port, String login, String passwd, String path, String receive,
                       Duration timeout) implements CheckSpec {
    static final String ANONYMOUS = "anonymous";
    static final String ANONYMOUS_PASSWORD = "-anonymous@";

    public FtpCheck {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(receive, "receive");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
        login = Specs.singleLine("login", login);
        passwd = Specs.singleLine("passwd", passwd);
        path = Specs.singleLine("request", path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("ftp check needs a file to fetch as request");
        }
        Receive.compile(receive);
    }

    String user() {
        return login.isEmpty() ? ANONYMOUS : login;
    }

    String password() {
        return login.isEmpty() && passwd.isEmpty() ? ANONYMOUS_PASSWORD : passwd;
    }

    Pattern receivePattern() {
        return Receive.compile(receive);
    }
}
