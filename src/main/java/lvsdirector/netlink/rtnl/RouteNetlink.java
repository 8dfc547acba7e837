package lvsdirector.netlink.rtnl;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lvsdirector.netlink.Errno;
import lvsdirector.netlink.JnaNetlinkSocket;
import lvsdirector.netlink.Netlink;
import lvsdirector.netlink.NetlinkChannel;
import lvsdirector.netlink.NetlinkErrnoException;
import lvsdirector.netlink.NetlinkException;
import lvsdirector.netlink.NetlinkMessage;
import lvsdirector.netlink.NetlinkSocket;

/**
 * Interfaces and their addresses over NETLINK_ROUTE: look a link up by name, list links and addresses, add and
 * delete an address. Kernel refusals become {@link RtnlException}s naming the request. Not thread-safe; callers
 * serialize (one request at a time on the socket).
 */
public final class RouteNetlink implements AutoCloseable {
    private static final int KERNEL_BUFFER = 256 * 1024;
    private final NetlinkChannel channel;

    public RouteNetlink(NetlinkSocket socket) {
        this.channel = new NetlinkChannel(socket, 1);
    }

    /** A socket in the caller's network namespace. */
    public static RouteNetlink open() throws NetlinkException {
        return new RouteNetlink(JnaNetlinkSocket.open(Netlink.NETLINK_ROUTE, KERNEL_BUFFER, Duration.ofSeconds(5)));
    }

    /** The interface of this name, or empty when there is none. */
    public Optional<Link> link(String name) throws NetlinkException {
        if (name.isEmpty() || name.length() > Rtnl.MAX_NAME_LENGTH || name.contains("/")) {
            throw new IllegalArgumentException("not an interface name: [" + name + "]");
        }
        List<NetlinkMessage> replies;
        try {
            replies = channel.request(RtnlMessages.getLink(name));
        } catch (NetlinkErrnoException e) {
            if (e.is(Errno.ENODEV)) {
                return Optional.empty();
            }
            throw new RtnlException(e.errno(), "look up interface " + name);
        }
        if (replies.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RtnlMessages.decodeLink(replies.get(0)));
    }

    public List<Link> links() throws NetlinkException {
        List<Link> links = new ArrayList<>();
        for (NetlinkMessage m : dump(RtnlMessages.dumpLinks(), "list interfaces")) {
            if (m.type() == Rtnl.RTM_NEWLINK) {
                links.add(RtnlMessages.decodeLink(m));
            }
        }
        return links;
    }

    /** Every address of the family (AF_INET, AF_INET6 or AF_UNSPEC) on every interface. */
    public List<InterfaceAddress> addresses(int family) throws NetlinkException {
        List<InterfaceAddress> addresses = new ArrayList<>();
        for (NetlinkMessage m : dump(RtnlMessages.dumpAddresses(family), "list addresses")) {
            if (m.type() == Rtnl.RTM_NEWADDR) {
                addresses.add(RtnlMessages.decodeAddress(m));
            }
        }
        return addresses;
    }

    /** Adds the address; false (and no change) when it was already configured on that interface. */
    public boolean addAddress(NewAddress address) throws NetlinkException {
        try {
            channel.request(RtnlMessages.newAddress(address));
            return true;
        } catch (NetlinkErrnoException e) {
            if (e.is(Errno.EEXIST)) {
                return false;
            }
            throw new RtnlException(e.errno(), "add " + address.cidr() + " to interface index " + address.interfaceIndex());
        }
    }

    /** Deletes the address; false when it was not there. */
    public boolean deleteAddress(int interfaceIndex, InetAddress address, int prefixLength) throws NetlinkException {
        try {
            channel.request(RtnlMessages.deleteAddress(interfaceIndex, address, prefixLength));
            return true;
        } catch (NetlinkErrnoException e) {
            if (e.is(Rtnl.EADDRNOTAVAIL)) {
                return false;
            }
            throw new RtnlException(e.errno(), "delete " + address.getHostAddress() + "/" + prefixLength
                    + " from interface index " + interfaceIndex);
        }
    }

    private List<NetlinkMessage> dump(byte[] request, String action) throws NetlinkException {
        try {
            return channel.request(request);
        } catch (NetlinkErrnoException e) {
            throw new RtnlException(e.errno(), action);
        }
    }

    @Override
    public void close() {
        channel.close();
    }
}
