package lvsdirector.ipvs.memory;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsException.Errno;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

import java.net.Inet6Address;
import java.util.Set;

/**
 * The checks the kernel (net/netfilter/ipvs, Linux 6.1) makes on service and destination requests, each
 * answering with the errno the kernel uses. Callers run them in the kernel's order: {@link #parseService}
 * (attribute parsing), then the table lookup, then {@link #checkServiceBody} or {@link #checkDestination}.
 */
final class KernelRules {

    /** Scheduler modules shipped with the 6.1 kernel, plus "none" (a service without scheduler). */
    static final Set<String> SCHEDULERS = Set.of(
            "rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "none");

    /** Persistence engines shipped with the 6.1 kernel. */
    static final Set<String> PERSISTENCE_ENGINES = Set.of("sip");

    /** IP_VS_SCHEDNAME_MAXLEN / IP_VS_PENAME_MAXLEN, including the terminating NUL. */
    static final int NAME_MAXLEN = 16;

    private KernelRules() {}

    /** Name lengths are checked by the netlink attribute policy, before anything is looked up. */
    static void parseService(IpvsOperation op, VirtualService s) throws IpvsException {
        if (s.scheduler().length() > NAME_MAXLEN - 1) {
            throw error(op, Errno.EINVAL);
        }
        if (s.persistenceEngine() != null && s.persistenceEngine().length() > NAME_MAXLEN - 1) {
            throw error(op, Errno.EINVAL);
        }
    }

    /** ip_vs_add_service / ip_vs_edit_service: scheduler, then persistence engine, then the IPv6 prefix. */
    static void checkServiceBody(IpvsOperation op, VirtualService s) throws IpvsException {
        if (!SCHEDULERS.contains(s.scheduler())) {
            throw error(op, Errno.ENOENT);
        }
        if (hasPersistenceEngine(s) && !PERSISTENCE_ENGINES.contains(s.persistenceEngine())) {
            throw error(op, Errno.ENOENT);
        }
        if (s.key().ipv6() && (s.netmask() < 1 || s.netmask() > 128)) {
            throw error(op, Errno.EINVAL);
        }
    }

    static boolean hasPersistenceEngine(VirtualService s) {
        return s.persistenceEngine() != null && !s.persistenceEngine().isEmpty();
    }

    /**
     * ip_vs_genl_set_cmd and ip_vs_add_dest / ip_vs_edit_dest: a destination of another address family than
     * its service is only accepted for tunnelling; thresholds must be ordered; a GUE tunnel needs a port.
     * (A negative weight, which the kernel answers with ERANGE, cannot be represented by {@link Destination}.)
     */
    static void checkDestination(IpvsOperation op, ServiceKey service, Destination d) throws IpvsException {
        boolean destIpv6 = d.address() instanceof Inet6Address;
        if (destIpv6 != service.ipv6() && d.forwarding() != ForwardingMethod.TUNNEL) {
            throw error(op, Errno.EINVAL);
        }
        if (Integer.compareUnsigned(d.lowerThreshold(), d.upperThreshold()) > 0) {
            throw error(op, Errno.ERANGE);
        }
        if (d.tunnel().type() == Destination.Tunnel.TYPE_GUE && d.tunnel().port() == 0) {
            throw error(op, Errno.EINVAL);
        }
    }

    static IpvsException error(IpvsOperation op, Errno errno) {
        return new IpvsException(errno, IpvsException.ipvsadmMessage(op, errno));
    }
}
