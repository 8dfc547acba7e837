/**
 * rtnetlink (NETLINK_ROUTE) for the virtual-IP agents: interfaces by name with their index, flags and hardware
 * address, the addresses configured on them, and adding or deleting one address the way {@code ip addr add/del}
 * does, with the kernel's refusals (EEXIST, EADDRNOTAVAIL, EPERM, ENODEV...) turned into specific messages.
 */
package lvsdirector.netlink.rtnl;
