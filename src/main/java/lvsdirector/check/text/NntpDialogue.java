package lvsdirector.check.text;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import lvsdirector.check.CheckResult;

/** nntp: the first bytes the server sends (at most 64, as ldirectord reads) must start with "2". */
final class NntpDialogue implements Exchange.Dialogue {
    static final int GREETING_BYTES = 64;

    @Override
    public Future<CheckResult> talk(Exchange exchange, LineChannel channel) {
        return channel.readSome(GREETING_BYTES).map(bytes -> {
            if (bytes == null) {
                throw Replies.closedBefore("the NNTP greeting");
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("2")) {
                throw TextFailure.badResponse("NNTP greeting does not start with 2: " + Replies.quote(text));
            }
            channel.quit("QUIT");
            return exchange.ok("NNTP " + Replies.quote(text.strip()));
        });
    }
}
