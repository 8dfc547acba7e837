package lvsdirector.director;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import lvsdirector.check.Health;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ServiceKey;

/**
 * The IPVS table the director wants, as a pure function of the config layout and the health of every
 * real: an up real at its configured weight, a down real at weight 0 and no thresholds when quiescent (else absent), and
 * the fallback exactly while no real of its virtual is up.
 */
public record DesiredTable(Map<ServiceKey, DesiredService> services) {

    public DesiredTable {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /** One virtual and the destinations it should hold, in config order (fallback last). */
    public record DesiredService(VirtualLayout layout, Map<DestinationKey, Destination> destinations) {
        public DesiredService {
            destinations = Collections.unmodifiableMap(new LinkedHashMap<>(destinations));
        }

        public boolean fallbackActive() {
            return layout.fallback() != null && destinations.containsKey(layout.fallback().key())
                    && layout.isFallback(layout.fallback().key());
        }
    }

    public static DesiredTable compute(Iterable<VirtualLayout> layouts, Globals globals,
                                       Function<RealKey, Health> health) {
        Map<ServiceKey, DesiredService> services = new LinkedHashMap<>();
        for (VirtualLayout layout : layouts) {
            services.put(layout.key(), desiredService(layout, globals, health));
        }
        return new DesiredTable(services);
    }

    private static DesiredService desiredService(VirtualLayout layout, Globals globals, Function<RealKey, Health> health) {
        boolean quiescent = layout.config().effectiveQuiescent(globals);
        Map<DestinationKey, Destination> destinations = new LinkedHashMap<>();
        boolean anyUp = false;
        for (Map.Entry<DestinationKey, RealConfig> e : layout.reals().entrySet()) {
            RealConfig real = e.getValue();
            if (health.apply(layout.realKey(e.getKey())) == Health.UP) {
                anyUp = true;
                destinations.put(e.getKey(), IpvsMapping.destination(layout.config(), real, real.weight()));
            } else if (quiescent) {
                destinations.put(e.getKey(), quiesced(IpvsMapping.destination(layout.config(), real, 0)));
            }
        }
        Destination fallback = layout.fallback();
        if (!anyUp && fallback != null && !destinations.containsKey(fallback.key())) {
            destinations.put(fallback.key(), fallback);
        }
        return new DesiredService(layout, destinations);
    }

    /**
     * ldirectord quiesces with `ipvsadm -e ... -w 0` and no -x/-y, which zeroes the thresholds; the table
     * stays the same as ldirectord's (thresholds mean nothing at weight 0) and they return with the weight.
     */
    private static Destination quiesced(Destination d) {
        return new Destination(d.address(), d.port(), d.forwarding(), 0, 0, 0, d.tunnel());
    }
}
