/**
 * Between the media and the membership layer: the {@link lvsdirector.heartbeat.transport.PacketSink} the
 * sender writes signed packets to, and the {@link lvsdirector.heartbeat.transport.PacketGate} that decodes
 * and verifies every received datagram, drops our own packets and logs every rejected one with its
 * specific reason before it could change any state.
 */
package lvsdirector.heartbeat.transport;
