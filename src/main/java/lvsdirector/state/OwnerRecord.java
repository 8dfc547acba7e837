package lvsdirector.state;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code owner.json}: which node last took the state directory over, and when (written at takeover,
 * i.e. when a director first finds the directory writable).
 *
 * @param pid        the director's process id
 * @param generation the heartbeat generation of this node (its {@code hb_generation}), so an operator sees
 *                   which incarnation of the node wrote the directory; null when the node has none
 */
public record OwnerRecord(String node, Instant since, long pid, Long generation) {
    public static final String FILE = "owner.json";
    public static final int FORMAT = 1;

    public OwnerRecord {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(since, "since");
    }

    /** A record without a heartbeat generation. */
    public OwnerRecord(String node, Instant since, long pid) {
        this(node, since, pid, null);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("owner", node).put("since_ms", since.toEpochMilli()).put("pid", pid);
        if (generation != null) {
            json.put("heartbeat_generation", generation);
        }
        return json;
    }

    public static OwnerRecord fromJson(JsonObject payload) {
        Object generation = payload.getValue("heartbeat_generation");
        return new OwnerRecord(payload.getString("owner"), Instant.ofEpochMilli(payload.getLong("since_ms")),
                payload.getLong("pid", 0L), generation instanceof Number n ? n.longValue() : null);
    }
}
