/**
 * AF_PACKET sockets that send whole Ethernet frames on one interface. The virtual-IP agents announce a moved
 * address with them: gratuitous ARP for IPv4 and unsolicited neighbour advertisements for IPv6, both built
 * byte for byte by the caller.
 */
package lvsdirector.netlink.packet;
