package lvsdirector.director;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import lvsdirector.config.Fallback;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/**
 * One configured virtual as the kernel will see it: its service, its reals by stored destination key
 * (config order; a later real line mapping onto the same key is a duplicate and ignored) and its fallback
 * (null when none) with the port its config names.
 */
public record VirtualLayout(VirtualConfig config, VirtualService service, Map<DestinationKey, RealConfig> reals,
                            Destination fallback, int fallbackConfiguredPort) {

    public VirtualLayout {
        reals = Collections.unmodifiableMap(new LinkedHashMap<>(reals));
    }

    public static VirtualLayout of(VirtualConfig v, Globals g) {
        Map<DestinationKey, RealConfig> reals = new LinkedHashMap<>();
        for (RealConfig r : v.reals()) {
            reals.putIfAbsent(IpvsMapping.destination(v, r, r.weight()).key(), r);
        }
        Fallback f = v.effectiveFallback(g);
        int fallbackPort = f == null ? 0 : IpvsMapping.fallbackConfiguredPort(v, f);
        return new VirtualLayout(v, IpvsMapping.service(v), reals, IpvsMapping.fallbackDestination(v, g), fallbackPort);
    }

    public ServiceKey key() {
        return service.key();
    }

    public RealKey realKey(DestinationKey destination) {
        return new RealKey(key(), destination);
    }

    public boolean isFallback(DestinationKey destination) {
        return fallback != null && fallback.key().equals(destination) && !reals.containsKey(destination);
    }
}
