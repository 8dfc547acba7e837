package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.IpvsException;
import lvsdirector.netlink.Errno;
import lvsdirector.netlink.JnaNetlinkSocket;
import lvsdirector.netlink.Netlink;
import lvsdirector.netlink.NetlinkChannel;
import lvsdirector.netlink.NetlinkErrnoException;
import lvsdirector.netlink.NetlinkException;
import lvsdirector.netlink.NetlinkSocket;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether the kernel IPVS backend is usable here. Opens a socket, resolves the IPVS family and issues
 * GET_INFO (which needs CAP_NET_ADMIN like every IPVS command), so the answer is either a working backend or one
 * line saying why not, for the caller to log before falling back to the in-memory backend.
 */
public final class IpvsBackends {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** SO_RCVBUF/SO_SNDBUF asked for (the kernel doubles it, and caps it at net.core.rmem_max without CAP_NET_ADMIN). */
    public static final int KERNEL_BUFFER = 1024 * 1024;

    private IpvsBackends() {}

    /** The kernel backend, or the reason it cannot be used. Exactly one of the two is set. */
    public record Selection(KernelIpvsBackend backend, String unavailableReason) {
        public Selection {
            if ((backend == null) == (unavailableReason == null)) {
                throw new IllegalArgumentException("exactly one of backend and reason must be set");
            }
        }

        public boolean available() {
            return backend != null;
        }
    }

    /** Tries the kernel of this process's network namespace. */
    public static Selection tryKernel() {
        NetlinkSocket socket;
        try {
            socket = JnaNetlinkSocket.open(Netlink.NETLINK_GENERIC, KERNEL_BUFFER, DEFAULT_TIMEOUT);
        } catch (NetlinkException e) {
            return new Selection(null, "cannot open a generic netlink socket: " + e.getMessage());
        }
        return tryKernel(socket);
    }

    /** Tries the kernel of another network namespace (a file such as /run/netns/NAME); needs CAP_SYS_ADMIN too. */
    public static Selection tryKernel(java.nio.file.Path networkNamespace) {
        NetlinkSocket socket;
        try {
            socket = JnaNetlinkSocket.openInNamespace(networkNamespace, Netlink.NETLINK_GENERIC, KERNEL_BUFFER, DEFAULT_TIMEOUT);
        } catch (NetlinkException e) {
            return new Selection(null, "cannot open a generic netlink socket in " + networkNamespace + ": " + e.getMessage());
        }
        return tryKernel(socket);
    }

    /** Tries the kernel behind an already open socket; closes it unless a backend is returned. */
    public static Selection tryKernel(NetlinkSocket socket) {
        Objects.requireNonNull(socket, "socket");
        NetlinkChannel channel = new NetlinkChannel(socket, (int) (System.currentTimeMillis() / 1000));
        KernelIpvsBackend backend;
        try {
            backend = KernelIpvsBackend.connect(channel);
        } catch (NetlinkErrnoException e) {
            channel.close();
            if (e.is(Errno.ENOENT)) {
                return new Selection(null, "IPVS family not found: module ip_vs not loaded");
            }
            return new Selection(null, "IPVS family resolution failed: " + e.getMessage());
        } catch (NetlinkException e) {
            channel.close();
            return new Selection(null, "IPVS family resolution failed: " + e.getMessage());
        }
        try {
            backend.info();
            return new Selection(backend, null);
        } catch (IpvsException e) {
            backend.close();
            if (e.errno() == IpvsException.Errno.EPERM) {
                return new Selection(null, "permission denied (CAP_NET_ADMIN needed)");
            }
            return new Selection(null, "IPVS does not answer: " + e.getMessage());
        }
    }
}
