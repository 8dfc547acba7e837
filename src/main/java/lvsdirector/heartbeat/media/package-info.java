/**
 * heartbeat's IPv4 UDP media on Vert.x datagram sockets: {@code bcast} (to the interface's broadcast
 * address), {@code ucast} (to the peer's address) and {@code mcast} (to a group, with ttl and loop, on the
 * interface). Every packet is sent on every medium; one receiving socket per distinct UDP port hands each
 * datagram with its sender's address to the node.
 */
package lvsdirector.heartbeat.media;
