/**
 * ICMP echo (ping) over native sockets: unprivileged ICMP datagram sockets where net.ipv4.ping_group_range
 * allows them, raw sockets otherwise (root), for IPv4 and IPv6. One socket and one receive thread per address
 * family serve every outstanding echo; callers get a future per echo and apply their own timeout.
 */
package lvsdirector.netlink.icmp;
