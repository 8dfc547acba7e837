package lvsdirector.state;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One state file as read or written: the envelope every state file carries, and the payload (the
 * document's other fields, owned by whoever stores the file).
 *
 * @param format      the payload's format version
 * @param seq         increases by one with every write of this file
 * @param node        the node that wrote it
 * @param writtenAtMs when it was written (Unix milliseconds)
 */
public record StateDocument(int format, long seq, String node, long writtenAtMs, JsonObject payload) {
    public StateDocument {
        Objects.requireNonNull(payload, "payload");
        payload = payload.copy();
    }

    @Override
    public JsonObject payload() {
        return payload.copy();
    }
}
