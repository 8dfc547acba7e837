package lvsdirector.daemon;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.director.IpvsMapping;
import lvsdirector.ipvs.sync.RealRef;
import lvsdirector.state.Overrides;
import lvsdirector.state.RealOverride;
import lvsdirector.support.InetAddrs;

/**
 * The restore inputs that come from the state directory rather than the kernel: reals an operator drained
 * ({@code overrides.json}) and reals the last known health ({@code health.json}) says are down, as the
 * {@link RealRef}s the restore decision compares templates with.
 */
final class ConnectionSyncInputs {
    private ConnectionSyncInputs() {}

    /** One configured real with the names the director's files use for it. */
    record NamedReal(VirtualConfig virtual, RealConfig real, RealRef ref) {
        /** "10.0.0.2:80", as the director's status and health.json name the real. */
        String server() {
            return InetAddrs.hostPort(real.address(), real.port());
        }
    }

    /** The configured reals the overrides drain (the most specific entry decides, as in the director). */
    static Set<RealRef> drained(DirectorConfig config, Overrides overrides) {
        return select(config, n -> overrides.find(n.virtual().id(), n.virtual().address().logName(),
                n.real().address(), n.real().port()).map(RealOverride::drained).orElse(false));
    }

    static Set<RealRef> select(DirectorConfig config, Predicate<NamedReal> wanted) {
        Set<RealRef> selected = new HashSet<>();
        for (VirtualConfig v : config.virtuals()) {
            for (RealConfig r : v.reals()) {
                int port = IpvsMapping.storedPort(v, IpvsMapping.forwarding(r.forwarding()), r.port());
                NamedReal named = new NamedReal(v, r, new RealRef(IpvsMapping.serviceKey(v), r.address(), port));
                if (wanted.test(named)) {
                    selected.add(named.ref());
                }
            }
        }
        return selected;
    }
}
