/**
 * The heartbeat peer's membership layer: our own identity (UUID and generation kept in heartbeat's state
 * files), the per-peer receive state (generation, sequence gaps, dead time advertised by the peer), our
 * status messages init, up, active, retransmission and acknowledgement, and the node up/dead events that
 * the resource layer listens to. Everything here is single-threaded logic driven by received messages and
 * clock ticks, so it is tested without sockets.
 */
package lvsdirector.heartbeat.node;
