package lvsdirector.heartbeat.vip;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import lvsdirector.netlink.rtnl.InterfaceAddress;
import lvsdirector.netlink.rtnl.Link;

/** The interfaces, addresses and IPv4 main-table routes of the host at one moment. */
record HostSnapshot(List<Link> links, List<InterfaceAddress> addresses, List<Ipv4Route> routes) {

    Optional<Link> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    Optional<Link> loopback() {
        return links.stream().filter(Link::loopback).findFirst();
    }

    /** The address's entries on this interface (normally none or one). */
    List<InterfaceAddress> on(Link link, InetAddress address) {
        return addresses.stream().filter(a -> a.interfaceIndex() == link.index() && a.address().equals(address)).toList();
    }

    List<InterfaceAddress> everywhere(InetAddress address) {
        return addresses.stream().filter(a -> a.address().equals(address)).toList();
    }

    List<InterfaceAddress> on(Link link) {
        return addresses.stream().filter(a -> a.interfaceIndex() == link.index()).toList();
    }
}
