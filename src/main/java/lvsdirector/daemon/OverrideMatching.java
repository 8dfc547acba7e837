package lvsdirector.daemon;

import java.util.ArrayList;
import java.util.List;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.director.OperatorOverrides;
import lvsdirector.state.Overrides;
import lvsdirector.state.RealOverride;
import lvsdirector.state.ServerRef;

/** Stored overrides against a configuration: what the director applies, and what matches nothing. */
final class OverrideMatching {
    private OverrideMatching() {}

    /** The director's view of {@code overrides}. */
    static OperatorOverrides forDirector(Overrides overrides) {
        if (overrides.entries().isEmpty()) {
            return OperatorOverrides.NONE;
        }
        return (virtual, real) -> overrides.find(virtual.id(), virtual.address().logName(), real.address(), real.port())
                .map(o -> new OperatorOverrides.Setting(o.drained(), o.weight())).orElse(null);
    }

    /** Whether {@code virtualText} is the id or the name of a configured virtual (null: any). */
    static boolean virtualMatches(VirtualConfig v, String virtualText) {
        return virtualText == null || virtualText.equals(v.id()) || virtualText.equals(v.address().logName());
    }

    static boolean knowsVirtual(DirectorConfig config, String virtualText) {
        return config.virtuals().stream().anyMatch(v -> virtualMatches(v, virtualText));
    }

    /** Whether some configured real (of the named virtual, if any) is {@code server}. */
    static boolean matchesSomeReal(DirectorConfig config, ServerRef server, String virtualText) {
        for (VirtualConfig v : config.virtuals()) {
            if (!virtualMatches(v, virtualText)) {
                continue;
            }
            for (RealConfig r : v.reals()) {
                if (server.matches(r.address(), r.port())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The entries no configured real matches (kept, never dropped: reported as "unmatched"). */
    static List<RealOverride> unmatched(DirectorConfig config, Overrides overrides) {
        List<RealOverride> unmatched = new ArrayList<>();
        for (RealOverride o : overrides.entries()) {
            if (!matchesSomeReal(config, o.server(), o.virtual())) {
                unmatched.add(o);
            }
        }
        return unmatched;
    }
}
