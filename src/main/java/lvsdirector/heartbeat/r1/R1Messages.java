package lvsdirector.heartbeat.r1;

import java.util.Optional;
import lvsdirector.heartbeat.wire.Field;
import lvsdirector.heartbeat.wire.Message;

/** The bodies of the R1 messages, fields in heartbeat's order. */
final class R1Messages {
    private R1Messages() {}

    static Message starting() {
        return Message.of(Field.string("t", "starting"));
    }

    /** {@code resource rsc_hold rtype=full isstable [info]}: a full statement of what we hold. */
    static Message resource(Holdings held, boolean stable, Optional<String> info) {
        Message m = Message.of(Field.string("t", "resource"), Field.string("rsc_hold", held.word()), Field.string("rtype", "full"),
                Field.string("isstable", stable ? "1" : "0"));
        return info.map(i -> m.with("info", i)).orElse(m);
    }

    /** {@code resource rsc_hold=foreign info=mach_down}: we took over a dead node's groups. */
    static Message machDown() {
        return Message.of(Field.string("t", "resource"), Field.string("rsc_hold", "foreign"), Field.string("info", "mach_down"));
    }

    static Message ask(Holdings set, String info) {
        return Message.of(Field.string("t", "ask_resources"), Field.string("rsc_hold", set.word()), Field.string("info", info));
    }

    static Message takeover(Holdings set) {
        return Message.of(Field.string("t", "hb_takeover"), Field.string("rsc_hold", set.word()));
    }

    static Message stonith(String node, String result) {
        return Message.of(Field.string("t", "stonith"), Field.string("node", node), Field.string("result", result));
    }

    static Message ipRequest(String key) {
        return Message.of(Field.string("t", "ip-request"), Field.string("ipaddr", key));
    }

    static Message ipRequestResponse(String dest, String key, boolean weOwn) {
        return Message.of(Field.string("t", "ip-request-resp"), Field.string("dest", dest), Field.string("ipaddr", key),
                Field.string("weown", weOwn ? "yes" : "no"), Field.string("ok", "OK"));
    }
}
