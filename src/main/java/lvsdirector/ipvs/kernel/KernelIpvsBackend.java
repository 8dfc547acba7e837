package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.ipvs.kernel.IpvsGenl.Command;
import lvsdirector.netlink.GenlController;
import lvsdirector.netlink.GenlFamily;
import lvsdirector.netlink.NetlinkChannel;
import lvsdirector.netlink.NetlinkDecodeException;
import lvsdirector.netlink.NetlinkErrnoException;
import lvsdirector.netlink.NetlinkException;
import lvsdirector.netlink.NetlinkMessage;
import lvsdirector.netlink.NetlinkTimeoutException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's IPVS table over generic netlink, on one socket resolved once. Batches are pipelined: several
 * requests per datagram, at most {@value #WINDOW} unanswered, each outcome reported on its own. Errors carry the
 * errno and ipvsadm's text for it. Calls are serialized; each blocks for a netlink round trip.
 */
public final class KernelIpvsBackend implements IpvsBackend, SyncDaemonControl {
    /** Unanswered requests allowed in a batch: 64 ACKs (36 bytes each) fit any receive buffer. */
    static final int WINDOW = 64;
    static final int MAX_DATAGRAM = 16 * 1024;

    private final NetlinkChannel channel;
    private final GenlFamily family;
    private final IpvsEncoder encoder;
    private final IpvsDecoder decoder;

    private KernelIpvsBackend(NetlinkChannel channel, GenlFamily family) {
        this.channel = channel;
        this.family = family;
        this.encoder = new IpvsEncoder(family.id());
        this.decoder = new IpvsDecoder(family.id());
    }

    /**
     * Resolves the IPVS family on the channel's socket and takes ownership of the channel.
     *
     * @throws NetlinkErrnoException ENOENT when the IPVS family is not registered (ip_vs not loaded)
     */
    public static KernelIpvsBackend connect(NetlinkChannel channel) throws NetlinkException {
        GenlFamily family = GenlController.resolve(channel, IpvsGenl.FAMILY_NAME);
        return new KernelIpvsBackend(channel, family);
    }

    public GenlFamily family() {
        return family;
    }

    @Override
    public String name() {
        return "kernel";
    }

    @Override
    public synchronized Info info() throws IpvsException {
        return decoded(Command.GET_INFO, encoder.getInfo(), replies -> decoder.info(replies));
    }

    @Override
    public synchronized List<ServiceEntry> services() throws IpvsException {
        return decoded(Command.GET_SERVICE, encoder.getServices(), replies -> decoder.services(replies));
    }

    @Override
    public synchronized Optional<ServiceEntry> service(ServiceKey key) throws IpvsException {
        try {
            return Optional.of(decoded(Command.GET_SERVICE, encoder.getService(key), replies -> {
                List<ServiceEntry> found = decoder.services(replies);
                if (found.size() != 1) {
                    throw new NetlinkDecodeException("expected one service, got " + found.size());
                }
                return found.get(0);
            }));
        } catch (IpvsException e) {
            if (e.errno() == IpvsException.Errno.ESRCH) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public synchronized List<DestinationEntry> destinations(ServiceKey key) throws IpvsException {
        int af = key.ipv6() ? IpvsGenl.AF_INET6 : IpvsGenl.AF_INET;
        return decoded(Command.GET_DEST, encoder.getDestinations(key), replies -> decoder.destinations(replies, af));
    }

    @Override
    public void addService(VirtualService service) throws IpvsException {
        applyOrThrow(new IpvsOperation.AddService(service));
    }

    @Override
    public void editService(VirtualService service) throws IpvsException {
        applyOrThrow(new IpvsOperation.EditService(service));
    }

    @Override
    public void deleteService(ServiceKey key) throws IpvsException {
        applyOrThrow(new IpvsOperation.DeleteService(key));
    }

    @Override
    public void addDestination(ServiceKey service, Destination destination) throws IpvsException {
        applyOrThrow(new IpvsOperation.AddDestination(service, destination));
    }

    @Override
    public void editDestination(ServiceKey service, Destination destination) throws IpvsException {
        applyOrThrow(new IpvsOperation.EditDestination(service, destination));
    }

    @Override
    public void deleteDestination(ServiceKey service, DestinationKey destination) throws IpvsException {
        applyOrThrow(new IpvsOperation.DeleteDestination(service, destination));
    }

    @Override
    public void applyOne(IpvsOperation op) throws IpvsException {
        applyOrThrow(op);
    }

    @Override
    public synchronized void flush() throws IpvsException {
        simple(Command.FLUSH, encoder.flush());
    }

    @Override
    public synchronized void zero(Optional<ServiceKey> service) throws IpvsException {
        simple(Command.ZERO, encoder.zero(service));
    }

    @Override
    public synchronized Timeouts timeouts() throws IpvsException {
        return decoded(Command.GET_CONFIG, encoder.getTimeouts(), replies -> decoder.timeouts(replies));
    }

    @Override
    public synchronized void setTimeouts(Timeouts timeouts) throws IpvsException {
        simple(Command.SET_CONFIG, encoder.setTimeouts(timeouts));
    }

    @Override
    public synchronized void startDaemon(SyncDaemon daemon) throws IpvsException {
        byte[] request;
        try {
            request = encoder.startDaemon(daemon);
        } catch (IllegalArgumentException e) {
            throw new IpvsException(IpvsException.Errno.EINVAL, e.getMessage());
        }
        simple(Command.NEW_DAEMON, request);
    }

    @Override
    public synchronized void stopDaemon(IpvsGenl.DaemonState state) throws IpvsException {
        simple(Command.DEL_DAEMON, encoder.stopDaemon(state));
    }

    @Override
    public synchronized List<SyncDaemon> daemons() throws IpvsException {
        return decoded(Command.GET_DAEMON, encoder.getDaemons(), replies -> decoder.daemons(replies));
    }

    /** Pipelined; see the class comment. Operations that cannot be encoded fail alone, without being sent. */
    @Override
    public synchronized List<OperationResult> apply(List<IpvsOperation> operations) {
        OperationResult[] results = new OperationResult[operations.size()];
        List<byte[]> requests = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            IpvsOperation op = operations.get(i);
            try {
                requests.add(encode(op));
                positions.add(i);
            } catch (IllegalArgumentException e) {
                results[i] = OperationResult.failed(op, new IpvsException(IpvsException.Errno.EINVAL, e.getMessage()));
            }
        }
        List<NetlinkException> outcomes;
        try {
            outcomes = channel.requestAll(requests, WINDOW, MAX_DATAGRAM);
        } catch (NetlinkException e) {
            for (int position : positions) {
                results[position] = OperationResult.failed(operations.get(position), transportFailure(e));
            }
            return List.of(results);
        }
        for (int k = 0; k < positions.size(); k++) {
            IpvsOperation op = operations.get(positions.get(k));
            NetlinkException failure = outcomes.get(k);
            if (failure == null) {
                results[positions.get(k)] = OperationResult.ok(op);
            } else if (failure instanceof NetlinkErrnoException errno) {
                results[positions.get(k)] = OperationResult.failed(op, IpvsadmErrors.forOperation(op, errno.errno()));
            } else {
                results[positions.get(k)] = OperationResult.failed(op, transportFailure(failure));
            }
        }
        return List.of(results);
    }

    /** Encodes every request of the batch, as {@link #apply} does, and sends none. */
    @Override
    public synchronized int rehearse(List<IpvsOperation> operations) {
        int encoded = 0;
        for (IpvsOperation op : operations) {
            try {
                encode(op);
                encoded++;
            } catch (IllegalArgumentException e) {
                // apply reports it as EINVAL when the operation is really applied
            }
        }
        return encoded;
    }

    @Override
    public synchronized void close() {
        channel.close();
    }

    private synchronized void applyOrThrow(IpvsOperation op) throws IpvsException {
        byte[] request;
        try {
            request = encode(op);
        } catch (IllegalArgumentException e) {
            throw new IpvsException(IpvsException.Errno.EINVAL, e.getMessage());
        }
        try {
            channel.request(request);
        } catch (NetlinkErrnoException e) {
            throw chained(IpvsadmErrors.forOperation(op, e.errno()), e);
        } catch (NetlinkException e) {
            throw transportFailure(e);
        }
    }

    private byte[] encode(IpvsOperation op) {
        if (op instanceof IpvsOperation.AddService a) {
            return encoder.newService(a.service());
        } else if (op instanceof IpvsOperation.EditService e) {
            return encoder.setService(e.service());
        } else if (op instanceof IpvsOperation.DeleteService d) {
            return encoder.deleteService(d.key());
        } else if (op instanceof IpvsOperation.AddDestination a) {
            return encoder.newDestination(a.service(), a.destination());
        } else if (op instanceof IpvsOperation.EditDestination e) {
            return encoder.setDestination(e.service(), e.destination());
        } else if (op instanceof IpvsOperation.DeleteDestination d) {
            return encoder.deleteDestination(d.service(), d.destination());
        }
        throw new IllegalArgumentException("unknown IPVS operation " + op);
    }

    private interface Decoding<T> {
        T decode(List<NetlinkMessage> replies) throws NetlinkException;
    }

    private <T> T decoded(Command command, byte[] request, Decoding<T> decoding) throws IpvsException {
        try {
            return decoding.decode(channel.request(request));
        } catch (NetlinkErrnoException e) {
            throw chained(IpvsadmErrors.forCommand(command, e.errno()), e);
        } catch (NetlinkException e) {
            throw transportFailure(e);
        }
    }

    private void simple(Command command, byte[] request) throws IpvsException {
        decoded(command, request, replies -> null);
    }

    private static IpvsException transportFailure(NetlinkException e) {
        IpvsException.Errno errno = e instanceof NetlinkTimeoutException ? IpvsException.Errno.ETIMEDOUT
                : e instanceof NetlinkErrnoException n ? IpvsException.Errno.ofCode(n.errno()) : IpvsException.Errno.OTHER;
        return chained(new IpvsException(errno, "netlink: " + e.getMessage()), e);
    }

    private static IpvsException chained(IpvsException e, Throwable cause) {
        e.initCause(cause);
        return e;
    }
}
