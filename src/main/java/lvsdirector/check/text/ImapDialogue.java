package lvsdirector.check.text;

import io.vertx.core.Future;
import java.util.Locale;
import lvsdirector.check.CheckResult;

/** imap/imaps: greeting "* OK" (or "* PREAUTH"); with a login, LOGIN must answer OK; LOGOUT. */
final class ImapDialogue implements Exchange.Dialogue {
    private static final String TAG = "a1";
    private final ImapCheck check;

    ImapDialogue(ImapCheck check) {
        this.check = check;
    }

    @Override
    public Future<CheckResult> talk(Exchange exchange, LineChannel channel) {
        Future<String> greeted = channel.readLine()
                .compose(line -> Replies.requireLine(line, "the IMAP greeting"))
                .map(greeting -> {
                    String upper = greeting.toUpperCase(Locale.ROOT);
                    if (!upper.startsWith("* OK") && !upper.startsWith("* PREAUTH")) {
                        throw TextFailure.badResponse("IMAP greeting is not * OK: " + Replies.quote(greeting));
                    }
                    return greeting;
                });
        if (!check.logsIn()) {
            return greeted.map(greeting -> {
                channel.quit("a2 LOGOUT");
                return exchange.ok("IMAP " + Replies.quote(greeting));
            });
        }
        return greeted
                .compose(g -> channel.send(TAG + " LOGIN " + quoted(check.login()) + " " + quoted(check.passwd())))
                .compose(v -> channel.readLineMatching(line -> line.startsWith(TAG + " ")))
                .compose(line -> Replies.requireLine(line, "the LOGIN reply"))
                .map(reply -> {
                    if (!reply.regionMatches(true, TAG.length() + 1, "OK", 0, 2)) {
                        throw TextFailure.badResponse("IMAP login failed: " + Replies.quote(reply));
                    }
                    channel.quit("a2 LOGOUT");
                    return exchange.ok("IMAP " + Replies.quote(reply));
                });
    }

    /** An IMAP quoted string: backslash and double quote escaped. */
    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
