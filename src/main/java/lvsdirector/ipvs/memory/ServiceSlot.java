package lvsdirector.ipvs.memory;

import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.Stats;
import lvsdirector.ipvs.VirtualService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One service of the in-memory table with its destinations; guarded by the backend's lock. */
final class ServiceSlot {
    VirtualService service;
    Stats stats = Stats.ZERO;
    /** Insertion order; listed newest first like the kernel's list_add. */
    final Map<DestinationKey, DestinationEntry> destinations = new LinkedHashMap<>();

    ServiceSlot(VirtualService service) {
        this.service = service;
    }

    ServiceEntry entry() {
        return new ServiceEntry(service, stats);
    }

    List<DestinationEntry> destinationsNewestFirst() {
        List<DestinationEntry> list = new ArrayList<>(destinations.values());
        Collections.reverse(list);
        return List.copyOf(list);
    }

    void zero() {
        stats = Stats.ZERO;
        destinations.replaceAll((key, d) ->
                new DestinationEntry(d.destination(), d.activeConns(), d.inactiveConns(), d.persistentConns(), Stats.ZERO));
    }
}
