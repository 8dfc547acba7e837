package lvsdirector.heartbeat.vip;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lvsdirector.netlink.rtnl.InterfaceAddress;
import lvsdirector.netlink.rtnl.Link;
import lvsdirector.netlink.rtnl.NewAddress;

/** An in-memory host: links, addresses and routes that add/delete change as the kernel would; frames are recorded. */
final class FakeVipHost implements VipHost {
    final List<Link> links = new ArrayList<>();
    final List<InterfaceAddress> addresses = new ArrayList<>();
    final List<Ipv4Route> routes = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<byte[]> frames = new ArrayList<>();
    IOException failure;

    Link link(int index, String name, String mac) {
        byte[] hw = java.util.HexFormat.ofDelimiter(":").parseHex(mac);
        Link l = new Link(index, name, name.equals("lo") ? 0x9 : 0x1, hw);
        links.add(l);
        return l;
    }

    void address(Link link, String ip, int prefix, String label) throws Exception {
        addresses.add(new InterfaceAddress(link.index(), InetAddress.getByName(ip), prefix, Optional.empty(),
                Optional.ofNullable(label), 0, 0));
    }

    void route(String name, String destination, int prefix, boolean gateway, int metric) throws Exception {
        routes.add(new Ipv4Route(name, (Inet4Address) InetAddress.getByName(destination), prefix, gateway, metric));
    }

    @Override
    public HostSnapshot snapshot() throws IOException {
        if (failure != null) {
            throw failure;
        }
        return new HostSnapshot(List.copyOf(links), List.copyOf(addresses), List.copyOf(routes));
    }

    @Override
    public boolean add(NewAddress a) {
        calls.add("add " + a.cidr() + " dev " + a.interfaceIndex() + a.broadcast().map(b -> " brd " + b.getHostAddress()).orElse("")
                + a.label().map(l -> " label " + l).orElse(""));
        boolean present = addresses.stream().anyMatch(x -> x.interfaceIndex() == a.interfaceIndex() && x.address().equals(a.address()));
        if (!present) {
            addresses.add(new InterfaceAddress(a.interfaceIndex(), a.address(), a.prefixLength(), a.broadcast(), a.label(), 0, 0));
        }
        return !present;
    }

    @Override
    public boolean delete(int interfaceIndex, InetAddress address, int prefixLength) {
        calls.add("del " + address.getHostAddress() + "/" + prefixLength + " dev " + interfaceIndex);
        return addresses.removeIf(x -> x.interfaceIndex() == interfaceIndex && x.address().equals(address)
                && x.prefixLength() == prefixLength);
    }

    @Override
    public FrameSender frameSender(Link link) {
        calls.add("frames on " + link.name());
        return new FrameSender() {
            @Override
            public void send(byte[] frame) {
                synchronized (frames) {
                    frames.add(frame);
                }
            }

            @Override
            public void close() {}
        };
    }
}
