package lvsdirector.ipvs;

import java.util.List;
import java.util.Optional;

/**
 * The IPVS table of one network namespace: the kernel's (over generic netlink) or the in-memory one.
 * Implementations follow the kernel's rules and errors exactly (duplicate → EEXIST, missing service →
 * ESRCH, missing destination or unknown scheduler → ENOENT, edits replace every field).
 *
 * <p>Calls may block (a netlink round trip); the director calls them off its event loop.
 */
public interface IpvsBackend extends AutoCloseable {

    /** Short name for the log: "kernel" or "in-memory". */
    String name();

    /** Version and connection-table size, as in ipvsadm's banner. */
    Info info() throws IpvsException;

    List<ServiceEntry> services() throws IpvsException;

    Optional<ServiceEntry> service(ServiceKey key) throws IpvsException;

    List<DestinationEntry> destinations(ServiceKey key) throws IpvsException;

    void addService(VirtualService service) throws IpvsException;

    void editService(VirtualService service) throws IpvsException;

    void deleteService(ServiceKey key) throws IpvsException;

    void addDestination(ServiceKey service, Destination destination) throws IpvsException;

    void editDestination(ServiceKey service, Destination destination) throws IpvsException;

    void deleteDestination(ServiceKey service, DestinationKey destination) throws IpvsException;

    /** Removes every service (ipvsadm -C). The director never calls it. */
    void flush() throws IpvsException;

    /** Zeroes counters of one service, or of all when empty (ipvsadm -Z). */
    void zero(Optional<ServiceKey> service) throws IpvsException;

    Timeouts timeouts() throws IpvsException;

    void setTimeouts(Timeouts timeouts) throws IpvsException;

    /**
     * Applies a batch, in order, and reports every operation's outcome individually. A failed operation
     * does not stop the ones after it. The kernel backend pipelines the batch; the default runs it one by one.
     */
    default List<OperationResult> apply(List<IpvsOperation> operations) {
        List<OperationResult> results = new java.util.ArrayList<>(operations.size());
        for (IpvsOperation op : operations) {
            try {
                applyOne(op);
                results.add(OperationResult.ok(op));
            } catch (IpvsException e) {
                results.add(OperationResult.failed(op, e));
            }
        }
        return results;
    }

    /**
     * Prepares a batch as {@link #apply} would, without sending it: nothing changes in the table. A hot-standby
     * director rehearses its activation so that the code the real apply runs is loaded and linked beforehand.
     * The kernel backend encodes the requests and drops them; the default does nothing.
     *
     * @return how many operations were prepared (a request that cannot be encoded is not counted)
     */
    default int rehearse(List<IpvsOperation> operations) {
        return 0;
    }

    default void applyOne(IpvsOperation op) throws IpvsException {
        if (op instanceof IpvsOperation.AddService a) {
            addService(a.service());
        } else if (op instanceof IpvsOperation.EditService e) {
            editService(e.service());
        } else if (op instanceof IpvsOperation.DeleteService d) {
            deleteService(d.key());
        } else if (op instanceof IpvsOperation.AddDestination a) {
            addDestination(a.service(), a.destination());
        } else if (op instanceof IpvsOperation.EditDestination e) {
            editDestination(e.service(), e.destination());
        } else if (op instanceof IpvsOperation.DeleteDestination d) {
            deleteDestination(d.service(), d.destination());
        } else {
            throw new IllegalArgumentException("unknown operation " + op);
        }
    }

    @Override
    void close();

    /** IP_VS_VERSION_CODE and connection table size. */
    record Info(int versionCode, int connectionTableSize) {
        /** "1.2.1" */
        public String versionText() {
            return ((versionCode >> 16) & 0xff) + "." + ((versionCode >> 8) & 0xff) + "." + (versionCode & 0xff);
        }
    }

    /** TCP, TCP FIN and UDP timeouts in seconds. */
    record Timeouts(int tcp, int tcpFin, int udp) {}

    /** Outcome of one operation of a batch. */
    record OperationResult(IpvsOperation operation, IpvsException error) {
        public static OperationResult ok(IpvsOperation op) {
            return new OperationResult(op, null);
        }

        public static OperationResult failed(IpvsOperation op, IpvsException e) {
            return new OperationResult(op, e);
        }

        public boolean succeeded() {
            return error == null;
        }
    }
}
