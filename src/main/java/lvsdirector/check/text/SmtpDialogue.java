package lvsdirector.check.text;

import io.vertx.core.Future;
import lvsdirector.check.CheckResult;

/** smtp/submission: banner 2xx, EHLO (HELO when EHLO is refused) 2xx, QUIT. */
final class SmtpDialogue implements Exchange.Dialogue {
    static final String HELLO_NAME = "localhost.localdomain";

    @Override
    public Future<CheckResult> talk(Exchange exchange, LineChannel channel) {
        return Replies.readCoded(channel, "the SMTP banner").compose(banner -> {
            if (!banner.positive()) {
                throw TextFailure.badResponse("SMTP banner is not 2xx: " + banner);
            }
            return hello(channel, "EHLO");
        }).compose(ehlo -> ehlo.positive() ? Future.succeededFuture(ehlo) : hello(channel, "HELO")).map(hello -> {
            if (!hello.positive()) {
                throw TextFailure.badResponse("SMTP server refused EHLO and HELO: " + hello);
            }
            channel.quit("QUIT");
            return exchange.ok("SMTP " + hello);
        });
    }

    private static Future<Replies.Coded> hello(LineChannel channel, String verb) {
        return channel.send(verb + " " + HELLO_NAME).compose(v -> Replies.readCoded(channel, "the " + verb + " reply"));
    }
}
