package lvsdirector.check.text;

import io.vertx.core.Future;
import lvsdirector.check.CheckResult;

/** pop/pops: greeting +OK; with a login, USER and PASS must both answer +OK; QUIT. */
final class PopDialogue implements Exchange.Dialogue {
    private final PopCheck check;

    PopDialogue(PopCheck check) {
        this.check = check;
    }

    @Override
    public Future<CheckResult> talk(Exchange exchange, LineChannel channel) {
        Future<String> greeted = channel.readLine()
                .compose(line -> Replies.requireLine(line, "the POP3 greeting"))
                .map(greeting -> {
                    if (!isOk(greeting)) {
                        throw TextFailure.badResponse("POP3 greeting is not +OK: " + Replies.quote(greeting));
                    }
                    return greeting;
                });
        if (!check.logsIn()) {
            return greeted.map(greeting -> {
                channel.quit("QUIT");
                return exchange.ok("POP3 " + Replies.quote(greeting));
            });
        }
        return greeted
                .compose(g -> command(channel, "USER " + check.login(), "USER"))
                .compose(user -> command(channel, "PASS " + check.passwd(), "PASS"))
                .map(pass -> {
                    channel.quit("QUIT");
                    return exchange.ok("POP3 login " + Replies.quote(pass));
                });
    }

    private static Future<String> command(LineChannel channel, String line, String verb) {
        return channel.send(line)
                .compose(v -> channel.readLine())
                .compose(reply -> Replies.requireLine(reply, "the " + verb + " reply"))
                .map(reply -> {
                    if (!isOk(reply)) {
                        throw TextFailure.badResponse("POP3 login failed at " + verb + ": " + Replies.quote(reply));
                    }
                    return reply;
                });
    }

    private static boolean isOk(String reply) {
        return reply.startsWith("+OK");
    }
}
