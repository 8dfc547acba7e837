package lvsdirector.state;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code owner.json}: which node last took the state directory over, and when (written at takeover,
 * i.e. when a director first finds the directory writable).
 *
 * @param pid the director's process id
 */
public record OwnerRecord(String node, Instant since, long pid) {
    public static final String FILE = "owner.json";
    public static final int FORMAT = 1;

    public OwnerRecord {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(since, "since");
    }

    public JsonObject toJson() {
        return new JsonObject().put("owner", node).put("since_ms", since.toEpochMilli()).put("pid", pid);
    }

    public static OwnerRecord fromJson(JsonObject payload) {
        return new OwnerRecord(payload.getString("owner"), Instant.ofEpochMilli(payload.getLong("since_ms")),
                payload.getLong("pid", 0L));
    }
}
