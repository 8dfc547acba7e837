package lvsdirector.check.text;

import io.vertx.core.Future;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvsdirector.check.CheckResult;

/**
 * ftp: greeting, USER/PASS, {@code CWD /}, {@code TYPE I}, PASV (EPSV over IPv6), RETR into memory (at most
 * {@code contentLimit} bytes are kept and matched), QUIT. The data connection goes to the real server's own
 * address, whatever address a PASV reply names (NAT-safe, and no bounce to third hosts).
 */
final class FtpDialogue implements Exchange.Dialogue {
    private static final Pattern PASV = Pattern.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");
    private static final Pattern EPSV = Pattern.compile("\\(([!-~])\\1\\1(\\d{1,5})\\1\\)");

    private final FtpCheck check;
    private final int contentLimit;

    FtpDialogue(FtpCheck check, int contentLimit) {
        this.check = check;
        this.contentLimit = contentLimit;
    }

    @Override
    public Future<CheckResult> talk(Exchange exchange, LineChannel control) {
        boolean ipv6 = check.address() instanceof Inet6Address;
        return Replies.readCoded(control, "the FTP greeting").compose(greeting -> {
            require(greeting.positive(), "FTP greeting is not 2xx: ", greeting);
            return command(control, "USER " + check.user());
        }).compose(user -> {
            if (user.code() == 230) {
                return Future.succeededFuture(user);
            }
            require(user.code() == 331 || user.code() == 332, "FTP login failed at USER: ", user);
            return command(control, "PASS " + check.password());
        }).compose(pass -> {
            require(pass.positive(), "FTP login failed: ", pass);
            // ldirectord ignores these two answers; so do we
            return command(control, "CWD /").compose(cwd -> command(control, "TYPE I"));
        }).compose(type -> command(control, ipv6 ? "EPSV" : "PASV")).compose(passive -> {
            int port = dataPort(passive, ipv6);
            return exchange.connect(check.address(), port, false, Long.MAX_VALUE)
                    .recover(e -> Future.failedFuture(TextFailure.badResponse("FTP data connection to port " + port
                            + " failed: " + e.getMessage())));
        }).compose(data -> command(control, "RETR " + check.path()).compose(retr -> {
            require(retr.preliminary(), "FTP refused RETR " + check.path() + ": ", retr);
            return data.readToEnd(contentLimit);
        })).compose(content -> content.truncated()
                ? Future.succeededFuture(verdict(exchange, control, content, true))
                : Replies.readCoded(control, "the end of the transfer")
                        .map(done -> verdict(exchange, control, content, done.positive())));
    }

    private CheckResult verdict(Exchange exchange, LineChannel control, LineChannel.Content content, boolean complete) {
        control.quit("QUIT");
        String size = content.bytes().length + (content.truncated() ? "+" : "") + " bytes";
        if (check.receive().isEmpty()) {
            if (!complete) {
                throw TextFailure.badResponse("FTP transfer of " + check.path() + " did not complete (" + size + ")");
            }
            return exchange.ok("FTP fetched " + check.path() + " (" + size + ")");
        }
        if (Receive.found(check.receivePattern(), content.bytes())) {
            return exchange.ok("FTP fetched " + check.path() + " (" + size + "), content matches");
        }
        throw TextFailure.mismatch("FTP content of " + check.path() + " does not match receive: "
                + Replies.quote(new String(content.bytes(), StandardCharsets.ISO_8859_1)));
    }

    private static int dataPort(Replies.Coded reply, boolean ipv6) {
        require(reply.code() == (ipv6 ? 229 : 227), "FTP refused passive mode: ", reply);
        Matcher m = (ipv6 ? EPSV : PASV).matcher(reply.firstLine());
        int port = -1;
        if (m.find()) {
            port = ipv6 ? Integer.parseInt(m.group(2))
                    : Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
        }
        if (port < 1 || port > 65535) {
            throw TextFailure.badResponse("FTP passive reply names no valid port: " + reply);
        }
        return port;
    }

    private static Future<Replies.Coded> command(LineChannel control, String line) {
        String verb = line.split(" ", 2)[0];
        return control.send(line).compose(v -> Replies.readCoded(control, "the " + verb + " reply"));
    }

    private static void require(boolean condition, String message, Replies.Coded reply) {
        if (!condition) {
            throw TextFailure.badResponse(message + reply);
        }
    }
}
