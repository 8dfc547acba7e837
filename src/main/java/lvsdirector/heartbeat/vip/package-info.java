/**
 * The built-in virtual-IP resources of the heartbeat peer (IPaddr, IPaddr2, IPv6addr): their arguments as
 * heartbeat's wrappers split them, the interface choice of the real agents, adding and deleting the address over
 * rtnetlink, and the background announcement with the real agents' frames and timing (gratuitous ARP pairs,
 * unsolicited neighbour advertisements), sent on packet sockets. No external program is run.
 */
package lvsdirector.heartbeat.vip;
