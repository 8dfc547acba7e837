package lvsdirector.ipvs.memory;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsException.Errno;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.Stats;
import lvsdirector.ipvs.VirtualService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPVS table in memory that answers like the Linux 6.1 kernel (see {@link KernelRules}). Thread-safe:
 * every call holds the table's lock, and everything returned is an immutable snapshot.
 *
 * <p>Listing order mimics the kernel's dump: services keyed by address first, then fwmark services (the
 * kernel keeps them in two hash tables and dumps them in that order); within each group insertion order
 * stands in for the kernel's hash order. Destinations come newest first, as the kernel prepends them.
 * A destination's port is stored exactly as given (the port rewriting for gate/ipip destinations is
 * ipvsadm's, not the kernel's).
 */
public final class InMemoryIpvsBackend implements IpvsBackend {

    /** "IP Virtual Server version 1.2.1 (size=4096)" as on the measured kernel. */
    public static final Info DEFAULT_INFO = new Info(0x010201, 4096);
    /** Timeouts of a fresh kernel: tcp 900 s, tcpfin 120 s, udp 300 s. */
    public static final Timeouts DEFAULT_TIMEOUTS = new Timeouts(900, 120, 300);

    private final Info info;
    private final Map<ServiceKey, ServiceSlot> addressServices = new LinkedHashMap<>();
    private final Map<ServiceKey, ServiceSlot> fwmarkServices = new LinkedHashMap<>();
    /** Bounded so that a daemon running on this backend for months does not grow without limit. */
    static final int RECORDED_OPERATIONS = 10_000;

    private final java.util.ArrayDeque<IpvsOperation> appliedOperations = new java.util.ArrayDeque<>();
    private Timeouts timeouts = DEFAULT_TIMEOUTS;

    public InMemoryIpvsBackend() {
        this(DEFAULT_INFO);
    }

    public InMemoryIpvsBackend(Info info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public Info info() {
        return info;
    }

    @Override
    public synchronized List<ServiceEntry> services() {
        List<ServiceEntry> list = new ArrayList<>(addressServices.size() + fwmarkServices.size());
        addressServices.values().forEach(slot -> list.add(slot.entry()));
        fwmarkServices.values().forEach(slot -> list.add(slot.entry()));
        return List.copyOf(list);
    }

    @Override
    public synchronized Optional<ServiceEntry> service(ServiceKey key) {
        return Optional.ofNullable(slot(key)).map(ServiceSlot::entry);
    }

    /** Like the kernel's GET_DEST dump, a missing service gives an empty list, not an error. */
    @Override
    public synchronized List<DestinationEntry> destinations(ServiceKey key) {
        ServiceSlot slot = slot(key);
        return slot == null ? List.of() : slot.destinationsNewestFirst();
    }

    @Override
    public synchronized void addService(VirtualService service) throws IpvsException {
        IpvsOperation op = new IpvsOperation.AddService(service);
        KernelRules.parseService(op, service);
        if (slot(service.key()) != null) {
            throw KernelRules.error(op, Errno.EEXIST);
        }
        KernelRules.checkServiceBody(op, service);
        table(service.key()).put(service.key(), new ServiceSlot(normalized(service)));
        record(op);
    }

    @Override
    public synchronized void editService(VirtualService service) throws IpvsException {
        IpvsOperation op = new IpvsOperation.EditService(service);
        KernelRules.parseService(op, service);
        ServiceSlot slot = existing(op, service.key());
        KernelRules.checkServiceBody(op, service);
        slot.service = normalized(service);
        record(op);
    }

    @Override
    public synchronized void deleteService(ServiceKey key) throws IpvsException {
        IpvsOperation op = new IpvsOperation.DeleteService(key);
        existing(op, key);
        table(key).remove(key);
        record(op);
    }

    @Override
    public synchronized void addDestination(ServiceKey service, Destination destination) throws IpvsException {
        IpvsOperation op = new IpvsOperation.AddDestination(service, destination);
        ServiceSlot slot = existing(op, service);
        KernelRules.checkDestination(op, service, destination);
        if (slot.destinations.containsKey(destination.key())) {
            throw KernelRules.error(op, Errno.EEXIST);
        }
        slot.destinations.put(destination.key(), new DestinationEntry(destination, 0, 0, 0, Stats.ZERO));
        record(op);
    }

    @Override
    public synchronized void editDestination(ServiceKey service, Destination destination) throws IpvsException {
        IpvsOperation op = new IpvsOperation.EditDestination(service, destination);
        ServiceSlot slot = existing(op, service);
        KernelRules.checkDestination(op, service, destination);
        DestinationEntry old = slot.destinations.get(destination.key());
        if (old == null) {
            throw KernelRules.error(op, Errno.ENOENT);
        }
        slot.destinations.put(destination.key(), new DestinationEntry(destination, old.activeConns(),
                old.inactiveConns(), old.persistentConns(), old.stats()));
        record(op);
    }

    @Override
    public synchronized void deleteDestination(ServiceKey service, DestinationKey destination) throws IpvsException {
        IpvsOperation op = new IpvsOperation.DeleteDestination(service, destination);
        ServiceSlot slot = existing(op, service);
        if (slot.destinations.remove(destination) == null) {
            throw KernelRules.error(op, Errno.ENOENT);
        }
        record(op);
    }

    @Override
    public synchronized void flush() {
        addressServices.clear();
        fwmarkServices.clear();
    }

    /** Zeroes traffic counters and rates; connection counts stay, as in the kernel. */
    @Override
    public synchronized void zero(Optional<ServiceKey> service) throws IpvsException {
        if (service.isEmpty()) {
            addressServices.values().forEach(ServiceSlot::zero);
            fwmarkServices.values().forEach(ServiceSlot::zero);
            return;
        }
        ServiceSlot slot = slot(service.get());
        if (slot == null) {
            throw new IpvsException(Errno.ESRCH, "No such service");
        }
        slot.zero();
    }

    @Override
    public synchronized Timeouts timeouts() {
        return timeouts;
    }

    /** A zero keeps the current value (ipvsadm --set semantics); a negative value is EINVAL. */
    @Override
    public synchronized void setTimeouts(Timeouts wanted) throws IpvsException {
        if (wanted.tcp() < 0 || wanted.tcpFin() < 0 || wanted.udp() < 0) {
            throw new IpvsException(Errno.EINVAL, "Invalid argument");
        }
        timeouts = new Timeouts(
                wanted.tcp() != 0 ? wanted.tcp() : timeouts.tcp(),
                wanted.tcpFin() != 0 ? wanted.tcpFin() : timeouts.tcpFin(),
                wanted.udp() != 0 ? wanted.udp() : timeouts.udp());
    }

    /** Test and demo hook: sets a service's traffic counters and rates. */
    public synchronized void setServiceStats(ServiceKey key, Stats stats) {
        requireSlot(key).stats = Objects.requireNonNull(stats, "stats");
    }

    /** Test and demo hook: sets a destination's connection counts, traffic counters and rates. */
    public synchronized void setDestinationCounters(ServiceKey service, DestinationKey destination,
                                                    int activeConns, int inactiveConns, int persistentConns,
                                                    Stats stats) {
        ServiceSlot slot = requireSlot(service);
        DestinationEntry old = slot.destinations.get(destination);
        if (old == null) {
            throw new IllegalArgumentException("no destination " + destination + " in service " + service);
        }
        slot.destinations.put(destination, new DestinationEntry(old.destination(), activeConns, inactiveConns,
                persistentConns, Objects.requireNonNull(stats, "stats")));
    }

    /**
     * The most recent (at most {@value #RECORDED_OPERATIONS}) mutating service/destination operations that
     * succeeded, oldest first (for tests of callers).
     */
    public synchronized List<IpvsOperation> appliedOperations() {
        return List.copyOf(appliedOperations);
    }

    private void record(IpvsOperation op) {
        if (appliedOperations.size() == RECORDED_OPERATIONS) {
            appliedOperations.removeFirst();
        }
        appliedOperations.addLast(op);
    }

    @Override
    public void close() {
        // nothing to release
    }

    private Map<ServiceKey, ServiceSlot> table(ServiceKey key) {
        return key instanceof ServiceKey.Fwmark ? fwmarkServices : addressServices;
    }

    private ServiceSlot slot(ServiceKey key) {
        return table(key).get(key);
    }

    /** ESRCH, worded by ipvsadm as "No such service" or "Service not defined" depending on the command. */
    private ServiceSlot existing(IpvsOperation op, ServiceKey key) throws IpvsException {
        ServiceSlot slot = slot(key);
        if (slot == null) {
            throw KernelRules.error(op, Errno.ESRCH);
        }
        return slot;
    }

    private ServiceSlot requireSlot(ServiceKey key) {
        ServiceSlot slot = slot(key);
        if (slot == null) {
            throw new IllegalArgumentException("no service " + key);
        }
        return slot;
    }

    /** The kernel keeps no persistence engine for an empty name. */
    private static VirtualService normalized(VirtualService s) {
        if (s.persistenceEngine() != null && s.persistenceEngine().isEmpty()) {
            return new VirtualService(s.key(), s.scheduler(), s.flags(), s.timeout(), s.netmask(), null);
        }
        return s;
    }
}
