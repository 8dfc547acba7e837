package lvsdirector.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import lvsdirector.config.DirectorConfig;
import lvsdirector.state.OverrideStore;
import lvsdirector.state.Overrides;
import lvsdirector.state.RealOverride;
import lvsdirector.state.ServerRef;
import lvsdirector.state.StateUnavailableException;

/**
 * The override requests, the same for the daemon (over its control socket) and the command line
 * without a daemon: {@code drain|undrain [--virtual=V] RIP[:PORT]...}, {@code weight [--virtual=V]
 * RIP[:PORT] N|configured ...} and {@code overrides}. Every server is checked against the configuration
 * before anything is written (all or nothing). Exit 0 done, 1 unknown server or bad input, 4 this node
 * may not write state (the reason is printed).
 */
public final class OverrideCommand {
    public static final List<String> VERBS = List.of("drain", "undrain", "weight", "overrides");
    public static final int REFUSED = 4;

    private final DirectorConfig config;
    private final OverrideStore store;
    private final Clock clock;

    public OverrideCommand(DirectorConfig config, OverrideStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** @param by who asks (user name), recorded with every change */
    public int run(String verb, String by, List<String> arguments, PrintWriter out) {
        if (verb.equals("overrides")) {
            return list(out);
        }
        String virtual = null;
        List<String> rest = new ArrayList<>(arguments);
        if (!rest.isEmpty() && rest.get(0).startsWith("--virtual=")) {
            virtual = rest.remove(0).substring("--virtual=".length());
            if (!OverrideMatching.knowsVirtual(config, virtual)) {
                out.println("unknown virtual server " + virtual + ": not in " + config.file());
                return 1;
            }
        }
        List<Change> changes;
        try {
            changes = verb.equals("weight") ? weights(rest) : servers(rest);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 1;
        }
        if (changes.isEmpty()) {
            out.println(verb + ": no real server given (" + usage(verb) + ")");
            return 1;
        }
        Overrides current = store.load().overrides();
        for (Change c : changes) {
            boolean known = OverrideMatching.matchesSomeReal(config, c.server(), virtual);
            boolean removingOld = (verb.equals("undrain") || c.weight() == null) && current.covers(c.server(), virtual);
            if (!known && !removingOld) {
                out.println("unknown real server " + c.server() + (virtual == null ? "" : " in " + virtual)
                        + ": not in " + config.file());
                return 1;
            }
        }
        return apply(verb, virtual, by, changes, out);
    }

    private int apply(String verb, String virtual, String by, List<Change> changes, PrintWriter out) {
        Instant now = clock.instant();
        UnaryOperator<Overrides> edit = o -> {
            Overrides next = o;
            for (Change c : changes) {
                next = switch (verb) {
                    case "drain" -> next.drain(c.server(), virtual, by, now);
                    case "undrain" -> next.undrain(c.server(), virtual, by, now);
                    default -> next.weight(c.server(), virtual, c.weight(), by, now);
                };
            }
            return next;
        };
        try {
            store.update(edit);
        } catch (StateUnavailableException e) {
            out.println(e.getMessage());
            return REFUSED;
        } catch (IOException e) {
            out.println("cannot store the overrides: " + e.getMessage());
            return 1;
        }
        for (Change c : changes) {
            out.println(describe(verb, c) + (virtual == null ? "" : " in " + virtual));
        }
        return 0;
    }

    private static String describe(String verb, Change c) {
        return switch (verb) {
            case "drain" -> "Drained real server " + c.server();
            case "undrain" -> "Undrained real server " + c.server();
            default -> c.weight() == null ? "Configured weight again for real server " + c.server()
                    : "Weight " + c.weight() + " for real server " + c.server();
        };
    }

    private int list(PrintWriter out) {
        OverrideStore.Loaded loaded = store.load();
        out.println("Overrides: " + loaded.placement().describe() + (loaded.seq() > 0 ? ", seq " + loaded.seq() : ""));
        if (loaded.problem() != null) {
            out.println("  problem: " + loaded.problem());
        }
        List<RealOverride> unmatched = OverrideMatching.unmatched(config, loaded.overrides());
        if (loaded.overrides().entries().isEmpty()) {
            out.println("  none");
        }
        for (RealOverride o : loaded.overrides().entries()) {
            out.println("  " + o.describe() + (unmatched.contains(o) ? "  [unmatched: no such real server in "
                    + config.file() + "]" : ""));
        }
        return 0;
    }

    private static List<Change> servers(List<String> arguments) {
        List<Change> changes = new ArrayList<>();
        for (String a : arguments) {
            changes.add(new Change(ServerRef.parse(a), null));
        }
        return changes;
    }

    private static List<Change> weights(List<String> arguments) {
        if (arguments.size() % 2 != 0) {
            throw new IllegalArgumentException("weight: every real server needs a weight (" + usage("weight") + ")");
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            changes.add(new Change(ServerRef.parse(arguments.get(i)), weight(arguments.get(i + 1))));
        }
        return changes;
    }

    private static Integer weight(String text) {
        if (text.equals("configured")) {
            return null;
        }
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > RealOverride.MAX_WEIGHT) {
            throw new IllegalArgumentException("illegal weight '" + text + "': 0.." + RealOverride.MAX_WEIGHT
                    + " or 'configured'");
        }
        return Integer.parseInt(text);
    }

    static String usage(String verb) {
        return switch (verb) {
            case "weight" -> "weight [--virtual=VIRTUAL] RIP[:PORT] N|configured [RIP[:PORT] N|configured ...]";
            default -> verb + " [--virtual=VIRTUAL] RIP[:PORT] [RIP[:PORT] ...]";
        };
    }

    private record Change(ServerRef server, Integer weight) {}
}
