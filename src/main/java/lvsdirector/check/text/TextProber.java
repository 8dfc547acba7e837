package lvsdirector.check.text;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckSpec;

/**
 * Runs this package's checks on one shared Vert.x TCP client (TLS per connection, never verified: real
 * servers are checked by address, as ldirectord does). Must be called on a Vert.x context.
 */
public final class TextProber implements AutoCloseable {
    /** FTP content is matched up to this many bytes; the rest is never read. */
    public static final int DEFAULT_CONTENT_LIMIT = 1 << 20;

    private final Vertx vertx;
    private final NetClient client;
    private final int contentLimit;

    public TextProber(Vertx vertx) {
        this(vertx, DEFAULT_CONTENT_LIMIT);
    }

    public TextProber(Vertx vertx, int contentLimit) {
        if (contentLimit < 1) {
            throw new IllegalArgumentException("contentLimit must be >= 1");
        }
        this.vertx = vertx;
        this.contentLimit = contentLimit;
        this.client = vertx.createNetClient(new NetClientOptions());
    }

    /** True for the spec types {@link #probe} handles. */
    public static boolean handles(CheckSpec spec) {
        return spec instanceof SmtpCheck || spec instanceof PopCheck || spec instanceof ImapCheck
                || spec instanceof NntpCheck || spec instanceof FtpCheck || spec instanceof SimpleTcpCheck
                || spec instanceof SipCheck;
    }

    public Future<CheckResult> probe(CheckSpec spec) {
        if (spec instanceof SmtpCheck c) {
            return tcp(c, false, new SmtpDialogue());
        }
        if (spec instanceof PopCheck c) {
            return tcp(c, c.tls(), new PopDialogue(c));
        }
        if (spec instanceof ImapCheck c) {
            return tcp(c, c.tls(), new ImapDialogue(c));
        }
        if (spec instanceof NntpCheck c) {
            return tcp(c, false, new NntpDialogue());
        }
        if (spec instanceof FtpCheck c) {
            return tcp(c, false, new FtpDialogue(c, contentLimit));
        }
        if (spec instanceof SimpleTcpCheck c) {
            return c.transport() == Transport.TCP ? tcp(c, false, new SimpleTcpDialogue(c)) : simpleUdp(c);
        }
        if (spec instanceof SipCheck c) {
            return c.transport() == Transport.TCP ? tcp(c, false, new SipTcpDialogue(c)) : sipUdp(c);
        }
        return Future.failedFuture(new IllegalArgumentException("not a text protocol check: " + spec));
    }

    private Future<CheckResult> tcp(CheckSpec spec, boolean tls, Exchange.Dialogue dialogue) {
        return Exchange.run(vertx, client, spec.address(), spec.port(), tls, spec.timeout(), dialogue);
    }

    private Future<CheckResult> simpleUdp(SimpleTcpCheck check) {
        Pattern receive = check.receivePattern();
        return UdpExchange.run(vertx, check.address(), check.port(), check.timeout(), local -> check.payload(),
                datagram -> {
                    for (String line : new String(datagram, StandardCharsets.ISO_8859_1).split("\n", -1)) {
                        String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                        if (SimpleTcpDialogue.matches(receive, stripped)) {
                            return "simpletcp: " + Replies.quote(stripped);
                        }
                    }
                    return null;
                });
    }

    private Future<CheckResult> sipUdp(SipCheck check) {
        return UdpExchange.run(vertx, check.address(), check.port(), check.timeout(),
                local -> SipRequest.options(check.login(), "UDP", local.getAddress(), local.getPort())
                        .getBytes(StandardCharsets.UTF_8),
                datagram -> {
                    String text = new String(datagram, StandardCharsets.ISO_8859_1);
                    int end = text.indexOf('\n');
                    String first = end < 0 ? text : text.substring(0, end);
                    return SipTcpDialogue.judge(first.endsWith("\r") ? first.substring(0, first.length() - 1) : first);
                });
    }

    @Override
    public void close() {
        client.close();
    }
}
