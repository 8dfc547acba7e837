package lvsdirector.heartbeat.vip;

import java.net.Inet4Address;
import java.util.Optional;

import lvsdirector.netlink.rtnl.Link;

/** Where an address resource goes: the interface, the prefix length, and for IPv4 the broadcast and label. */
public record VipPlacement(Link link, int prefixLength, Optional<Inet4Address> broadcast, Optional<String> label) {}
