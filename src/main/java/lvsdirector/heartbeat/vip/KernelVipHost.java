package lvsdirector.heartbeat.vip;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import lvsdirector.netlink.packet.PacketSocket;
import lvsdirector.netlink.rtnl.Link;
import lvsdirector.netlink.rtnl.NewAddress;
import lvsdirector.netlink.rtnl.RouteNetlink;
import lvsdirector.netlink.rtnl.Rtnl;

/**
 * The real host: rtnetlink for interfaces and addresses (one short-lived socket per call, so an agent holds no
 * descriptor between actions), /proc/net/route for the IPv4 routes (findif's source), and packet sockets for the
 * announcements. Calls are serialized.
 */
final class KernelVipHost implements VipHost {
    private static final Path PROC_NET_ROUTE = Path.of("/proc/net/route");

    /** The packet socket's native functions are bound at once: a takeover's first announcement is then not late. */
    KernelVipHost() {
        PacketSocket.preload();
    }

    @Override
    public synchronized HostSnapshot snapshot() throws IOException {
        try (RouteNetlink rtnl = RouteNetlink.open()) {
            return new HostSnapshot(rtnl.links(), rtnl.addresses(Rtnl.AF_UNSPEC), routes());
        }
    }

    @Override
    public synchronized boolean add(NewAddress address) throws IOException {
        try (RouteNetlink rtnl = RouteNetlink.open()) {
            return rtnl.addAddress(address);
        }
    }

    @Override
    public synchronized boolean delete(int interfaceIndex, InetAddress address, int prefixLength) throws IOException {
        try (RouteNetlink rtnl = RouteNetlink.open()) {
            return rtnl.deleteAddress(interfaceIndex, address, prefixLength);
        }
    }

    @Override
    public FrameSender frameSender(Link link) throws IOException {
        PacketSocket socket = PacketSocket.open(link.index());
        return new FrameSender() {
            @Override
            public void send(byte[] frame) throws IOException {
                socket.send(frame);
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }

    private static List<Ipv4Route> routes() throws IOException {
        try {
            return Ipv4Route.parse(Files.readString(PROC_NET_ROUTE, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }
}
