package lvsdirector.check.text;

import io.vertx.core.Future;
import java.util.regex.Pattern;
import lvsdirector.check.CheckResult;

/** simpletcp over TCP: send the request, half-close, read lines until one matches receive. */
final class SimpleTcpDialogue implements Exchange.Dialogue {
    private final SimpleTcpCheck check;

    SimpleTcpDialogue(SimpleTcpCheck check) {
        this.check = check;
    }

    @Override
    public Future<CheckResult> talk(Exchange exchange, LineChannel channel) {
        Pattern receive = check.receivePattern();
        return channel.write(check.payload()).compose(v -> {
            channel.shutdownOutput();
            return channel.readLineMatching(line -> matches(receive, line));
        }).map(line -> {
            if (line == null) {
                throw TextFailure.mismatch(check.receive().isEmpty()
                        ? "simpletcp: connection closed without a reply"
                        : "simpletcp: no reply line matched " + Replies.quote(check.receive()));
            }
            return exchange.ok("simpletcp: " + Replies.quote(line));
        });
    }

    /** Lines are matched as Perl sees them: decoded one char per byte; an empty receive takes any line. */
    static boolean matches(Pattern receive, String line) {
        return receive.pattern().isEmpty() || receive.matcher(line).find();
    }
}
