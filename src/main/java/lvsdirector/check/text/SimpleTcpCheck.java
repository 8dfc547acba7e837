package lvsdirector.check.text;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import lvsdirector.check.CheckSpec;

/**
 * service=simpletcp: send the request (TCP, then half-close; or one UDP datagram), then read reply lines until
 * one contains a match of {@code receive}. Up on a match; EOF or timeout first = down. An empty receive
 * accepts any reply line (ldirectord's result there depends on Perl's last-successful-pattern rule).
 *
 * @param request as configured (ldirectord prepends "/", which is not sent); a literal two-character
 *                {@code \n} is sent as LF
 */
public record SimpleTcpCheck(InetAddress address, int port, Transport transport, String request, String receive,
                             Duration timeout) implements CheckSpec {
    public SimpleTcpCheck {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(receive, "receive");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
        Receive.compile(receive);
    }

    /** The bytes sent: request without its leading "/", every literal backslash-n turned into LF. */
    public byte[] payload() {
        String text = request.startsWith("/") ? request.substring(1) : request;
        return text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    Pattern receivePattern() {
        return Receive.compile(receive);
    }
}
