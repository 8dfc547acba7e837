package lvsdirector.director;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/** A snapshot of what a backend holds: every service with its destinations, in the backend's order. */
public record ActualTable(Map<ServiceKey, ActualService> services) {

    public static final ActualTable EMPTY = new ActualTable(Map.of());

    public ActualTable {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    public record ActualService(VirtualService service, Map<DestinationKey, Destination> destinations) {
        public ActualService {
            destinations = Collections.unmodifiableMap(new LinkedHashMap<>(destinations));
        }
    }

    /** Reads the whole table; blocking. */
    public static ActualTable read(IpvsBackend backend) throws IpvsException {
        return read(backend, null);
    }

    /**
     * Reads the services of {@code scope} with their destinations (null: the whole table); services outside
     * it are left out, their destinations unread. Blocking.
     */
    public static ActualTable read(IpvsBackend backend, Set<ServiceKey> scope) throws IpvsException {
        Map<ServiceKey, ActualService> services = new LinkedHashMap<>();
        for (ServiceEntry se : backend.services()) {
            ServiceKey key = se.service().key();
            if (scope != null && !scope.contains(key)) {
                continue;
            }
            Map<DestinationKey, Destination> destinations = new LinkedHashMap<>();
            for (DestinationEntry de : backend.destinations(key)) {
                destinations.put(de.destination().key(), de.destination());
            }
            services.put(key, new ActualService(se.service(), destinations));
        }
        return new ActualTable(services);
    }

    public ActualService service(ServiceKey key) {
        return services.get(key);
    }

    public Destination destination(RealKey key) {
        ActualService s = services.get(key.service());
        return s == null ? null : s.destinations().get(key.destination());
    }
}
