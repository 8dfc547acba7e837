package lvsdirector.state;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The operator's overrides ({@code overrides.json}): at most one entry per server and scope. A real of a
 * virtual takes the most specific entry that names it (RIP:PORT before RIP, scoped before unscoped).
 */
public record Overrides(List<RealOverride> entries) {
    public static final String FILE = "overrides.json";
    public static final int FORMAT = 1;
    public static final Overrides NONE = new Overrides(List.of());

    public Overrides {
        entries = List.copyOf(entries);
    }

    public Overrides drain(ServerRef server, String virtual, String by, Instant at) {
        RealOverride old = entry(server, virtual);
        return with(new RealOverride(server, virtual, true, old == null ? null : old.weight(), by, at));
    }

    /**
     * Ends the drain of every entry {@code server} covers ("10.0.0.2" covers 10.0.0.2:80 and :443) in
     * the scope (null: every scope). A broader drain ("10.0.0.2" when undraining "10.0.0.2:80") stays.
     */
    public Overrides undrain(ServerRef server, String virtual, String by, Instant at) {
        return clearing(server, virtual, o -> new RealOverride(o.server(), o.virtual(), false, o.weight(), by, at));
    }

    /** @param weight null goes back to the configured weight, for every entry {@code server} covers */
    public Overrides weight(ServerRef server, String virtual, Integer weight, String by, Instant at) {
        if (weight == null) {
            return clearing(server, virtual, o -> new RealOverride(o.server(), o.virtual(), o.drained(), null, by, at));
        }
        RealOverride old = entry(server, virtual);
        return with(new RealOverride(server, virtual, old != null && old.drained(), weight, by, at));
    }

    /** Whether some entry is covered by {@code server} in the scope (null: any scope). */
    public boolean covers(ServerRef server, String virtual) {
        return entries.stream().anyMatch(o -> covered(o, server, virtual));
    }

    private static boolean covered(RealOverride o, ServerRef server, String virtual) {
        return o.server().address().equals(server.address())
                && (server.port() == null || server.port().equals(o.server().port()))
                && (virtual == null || virtual.equals(o.virtual()));
    }

    private Overrides clearing(ServerRef server, String virtual, UnaryOperator<RealOverride> clear) {
        List<RealOverride> next = new ArrayList<>();
        for (RealOverride o : entries) {
            RealOverride kept = covered(o, server, virtual) ? clear.apply(o) : o;
            if (!kept.empty()) {
                next.add(kept);
            }
        }
        return new Overrides(next);
    }

    /** The entry for exactly this server text and scope, or null. */
    public RealOverride entry(ServerRef server, String virtual) {
        for (RealOverride o : entries) {
            if (o.sameTarget(server, virtual)) {
                return o;
            }
        }
        return null;
    }

    /**
     * The override of the real {@code address}:{@code configuredPort} in the virtual known as
     * {@code virtualId} ("tcp:192.0.2.1:80") or {@code virtualName} ("192.0.2.1:80").
     */
    public Optional<RealOverride> find(String virtualId, String virtualName, InetAddress address, int configuredPort) {
        RealOverride best = null;
        for (RealOverride o : entries) {
            boolean inScope = o.virtual() == null || o.virtual().equals(virtualId) || o.virtual().equals(virtualName);
            if (inScope && o.server().matches(address, configuredPort)
                    && (best == null || o.specificity() > best.specificity())) {
                best = o;
            }
        }
        return Optional.ofNullable(best);
    }

    private Overrides with(RealOverride replacement) {
        List<RealOverride> next = new ArrayList<>();
        boolean placed = false;
        for (RealOverride o : entries) {
            if (o.sameTarget(replacement.server(), replacement.virtual())) {
                placed = true;
                if (!replacement.empty()) {
                    next.add(replacement);
                }
            } else {
                next.add(o);
            }
        }
        if (!placed && !replacement.empty()) {
            next.add(replacement);
        }
        return new Overrides(next);
    }

    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        entries.forEach(o -> list.add(o.toJson()));
        return new JsonObject().put("overrides", list);
    }

    /** @throws IllegalArgumentException naming the bad entry */
    public static Overrides fromJson(JsonObject payload) {
        JsonArray list = payload.getJsonArray("overrides", new JsonArray());
        List<RealOverride> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                entries.add(RealOverride.fromJson(list.getJsonObject(i)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("overrides entry " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Overrides(entries);
    }
}
