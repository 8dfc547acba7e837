package lvsdirector.ipvs.format;

import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What ipvsadm reads before printing a listing: the banner info and every service with its destinations,
 * in the backend's (unsorted) order.
 */
public record IpvsSnapshot(IpvsBackend.Info info, List<ServiceListing> services) {

    public IpvsSnapshot {
        Objects.requireNonNull(info, "info");
        services = List.copyOf(services);
    }

    /** A service and its destinations. */
    public record ServiceListing(ServiceEntry service, List<DestinationEntry> destinations) {
        public ServiceListing {
            Objects.requireNonNull(service, "service");
            destinations = List.copyOf(destinations);
        }
    }

    /** The whole table, read like ipvsadm does: one service dump, then the destinations of each service. */
    public static IpvsSnapshot read(IpvsBackend backend) throws IpvsException {
        List<ServiceListing> listings = new ArrayList<>();
        for (ServiceEntry service : backend.services()) {
            listings.add(new ServiceListing(service, backend.destinations(service.service().key())));
        }
        return new IpvsSnapshot(backend.info(), listings);
    }

    /** One service, or empty when the backend has none with this key. */
    public static Optional<ServiceListing> readOne(IpvsBackend backend, ServiceKey key) throws IpvsException {
        Optional<ServiceEntry> service = backend.service(key);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceListing(service.get(), backend.destinations(key)));
    }
}
