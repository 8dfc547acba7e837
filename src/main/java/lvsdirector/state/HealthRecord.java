package lvsdirector.state;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code health.json}: the last known health of every checked real server, as the active director saw
 * it, so a director taking over can tell which reals were down when the other node last looked.
 * Reals are named as the director names them: the virtual by ldirectord's id ("tcp:192.0.2.1:80"), the
 * real by its configured "RIP:PORT".
 */
public record HealthRecord(List<RealHealth> reals) {
    public static final String FILE = "health.json";
    public static final int FORMAT = 1;

    public HealthRecord {
        reals = List.copyOf(reals);
    }

    /** @param since when the real entered this health, null when unknown */
    public record RealHealth(String virtual, String server, boolean up, Instant since) {
        public RealHealth {
            Objects.requireNonNull(virtual, "virtual");
            Objects.requireNonNull(server, "server");
        }
    }

    public Optional<RealHealth> find(String virtual, String server) {
        return reals.stream().filter(r -> r.virtual().equals(virtual) && r.server().equals(server)).findFirst();
    }

    /** {"virtuals": {"tcp:192.0.2.1:80": [{"server": "10.0.0.2:80", "health": "up", "since_ms": ...}]}} */
    public JsonObject toJson() {
        Map<String, JsonArray> byVirtual = new LinkedHashMap<>();
        for (RealHealth r : reals) {
            byVirtual.computeIfAbsent(r.virtual(), v -> new JsonArray()).add(new JsonObject()
                    .put("server", r.server()).put("health", r.up() ? "up" : "down")
                    .put("since_ms", r.since() == null ? null : r.since().toEpochMilli()));
        }
        JsonObject virtuals = new JsonObject();
        byVirtual.forEach(virtuals::put);
        return new JsonObject().put("virtuals", virtuals);
    }

    /** @throws IllegalArgumentException naming the bad entry */
    public static HealthRecord fromJson(JsonObject payload) {
        if (!(payload.getValue("virtuals") instanceof JsonObject virtuals)) {
            throw new IllegalArgumentException("no \"virtuals\" object");
        }
        List<RealHealth> reals = new ArrayList<>();
        for (Map.Entry<String, Object> v : virtuals) {
            if (!(v.getValue() instanceof JsonArray list)) {
                throw new IllegalArgumentException("virtual " + v.getKey() + ": expected a list of reals");
            }
            for (Object entry : list) {
                reals.add(real(v.getKey(), entry));
            }
        }
        return new HealthRecord(reals);
    }

    private static RealHealth real(String virtual, Object entry) {
        if (!(entry instanceof JsonObject json) || !(json.getValue("server") instanceof String server)) {
            throw new IllegalArgumentException("virtual " + virtual + ": a real without \"server\": " + entry);
        }
        Object health = json.getValue("health");
        if (!"up".equals(health) && !"down".equals(health)) {
            throw new IllegalArgumentException("virtual " + virtual + ", real " + server
                    + ": \"health\" must be \"up\" or \"down\", got " + health);
        }
        Object since = json.getValue("since_ms");
        return new RealHealth(virtual, server, "up".equals(health),
                since instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null);
    }
}
