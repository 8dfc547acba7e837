package lvsdirector.check.text;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import lvsdirector.check.CheckResult;

/** sip over TCP: OPTIONS, then the first line of the answer must start with "SIP/2.0 200 OK". */
final class SipTcpDialogue implements Exchange.Dialogue {
    private final SipCheck check;

    SipTcpDialogue(SipCheck check) {
        this.check = check;
    }

    @Override
    public Future<CheckResult> talk(Exchange exchange, LineChannel channel) {
        SocketAddress local = channel.socket().localAddress();
        String request = SipRequest.options(check.login(), "TCP", addressOf(local), local.port());
        return channel.write(request.getBytes(StandardCharsets.UTF_8))
                .compose(v -> channel.readLine())
                .compose(line -> Replies.requireLine(line, "the SIP answer"))
                .map(line -> exchange.ok(judge(line)));
    }

    /** The success message for a 200 answer's first line; a {@link TextFailure} for anything else. */
    static String judge(String firstLine) {
        if (!firstLine.startsWith(SipRequest.SUCCESS)) {
            throw TextFailure.badResponse("SIP OPTIONS answered: " + Replies.quote(firstLine));
        }
        return Replies.quote(firstLine);
    }

    private static InetAddress addressOf(SocketAddress local) {
        try {
            return InetAddress.getByName(local.hostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("socket has no numeric local address: " + local, e);
        }
    }
}
