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
 * the fallback exactly while no real of its virtual is up. Operator overrides apply to up reals: a
 * drained real stays in the table at weight 0 (even when quiescent=no) and does not count as up for the
 * fallback; a weight override replaces the configured weight.
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
        return compute(layouts, globals, health, OperatorOverrides.NONE);
    }

    public static DesiredTable compute(Iterable<VirtualLayout> layouts, Globals globals,
                                       Function<RealKey, Health> health, OperatorOverrides overrides) {
        Map<ServiceKey, DesiredService> services = new LinkedHashMap<>();
        for (VirtualLayout layout : layouts) {
            services.put(layout.key(), desiredService(layout, globals, health, overrides));
        }
        return new DesiredTable(services);
    }

    private static DesiredService desiredService(VirtualLayout layout, Globals globals, Function<RealKey, Health> health,
                                                 OperatorOverrides overrides) {
        boolean quiescent = layout.config().effectiveQuiescent(globals);
        Map<DestinationKey, Destination> destinations = new LinkedHashMap<>();
        boolean anyUp = false;
        for (Map.Entry<DestinationKey, RealConfig> e : layout.reals().entrySet()) {
            RealConfig real = e.getValue();
            OperatorOverrides.Setting setting = overrides.find(layout.config(), real);
            boolean up = health.apply(layout.realKey(e.getKey())) == Health.UP;
            if (up && setting != null && setting.drained()) {
                destinations.put(e.getKey(), quiesced(IpvsMapping.destination(layout.config(), real, 0)));
            } else if (up) {
                anyUp = true;
                int weight = setting != null && setting.weight() != null ? setting.weight() : real.weight();
                destinations.put(e.getKey(), IpvsMapping.destination(layout.config(), real, weight));
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
