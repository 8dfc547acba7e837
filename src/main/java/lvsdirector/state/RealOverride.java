package lvsdirector.state;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * What an operator set for one real server: drained (weight 0, existing connections continue) and/or a
 * weight that replaces the configured one while the real is up.
 *
 * @param virtual the virtual it is limited to (ldirectord's id "tcp:192.0.2.1:80" or name
 *                "192.0.2.1:80"), null for every virtual that has the real
 * @param weight  the weight override, null for the configured weight
 * @param setBy   who set it last (user name, as the command line reported it)
 */
public record RealOverride(ServerRef server, String virtual, boolean drained, Integer weight, String setBy,
                       Instant setAt) {
    public static final int MAX_WEIGHT = 65535;

    public RealOverride {
        Objects.requireNonNull(server, "server");
        if (weight != null && (weight < 0 || weight > MAX_WEIGHT)) {
            throw new IllegalArgumentException("weight " + weight + " out of range 0.." + MAX_WEIGHT);
        }
    }

    /** Same server and same scope: the two are one entry. */
    public boolean sameTarget(ServerRef otherServer, String otherVirtual) {
        return server.equals(otherServer) && Objects.equals(virtual, otherVirtual);
    }

    /** Neither drained nor a weight: nothing left to keep. */
    public boolean empty() {
        return !drained && weight == null;
    }

    /** Specificity for choosing among matching entries: a port counts more than a virtual scope. */
    int specificity() {
        return (server.port() != null ? 2 : 0) + (virtual != null ? 1 : 0);
    }

    /** "10.0.0.2:80 drained weight=3 (tcp:192.0.2.1:80) by root at 2026-...". */
    public String describe() {
        StringBuilder sb = new StringBuilder(server.toString());
        if (virtual != null) {
            sb.append(" in ").append(virtual);
        }
        if (drained) {
            sb.append(" drained");
        }
        if (weight != null) {
            sb.append(" weight=").append(weight);
        }
        sb.append(" (set by ").append(setBy == null ? "?" : setBy).append(" at ").append(setAt).append(')');
        return sb.toString();
    }

    JsonObject toJson() {
        return new JsonObject().put("server", server.toString()).put("virtual", virtual).put("drained", drained)
                .put("weight", weight).put("set_by", setBy).put("set_at_ms", setAt == null ? null : setAt.toEpochMilli());
    }

    static RealOverride fromJson(JsonObject json) {
        Object weight = json.getValue("weight");
        Object at = json.getValue("set_at_ms");
        if (weight != null && !(weight instanceof Number)) {
            throw new IllegalArgumentException("weight is not a number: " + weight);
        }
        return new RealOverride(ServerRef.parse(String.valueOf(json.getValue("server"))), json.getString("virtual"),
                Boolean.TRUE.equals(json.getValue("drained")), weight == null ? null : ((Number) weight).intValue(),
                json.getString("set_by"), at instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null);
    }
}
