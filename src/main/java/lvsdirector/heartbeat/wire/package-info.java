/**
 * Heartbeat 3.0.6 wire format: the ordered-field {@link lvsdirector.heartbeat.wire.Message} model, the
 * netstring form heartbeat sends on UDP, the classic {@code >>>} text form (accepted on receive and the
 * input of the inner signature), the crc/md5/sha1 signatures and the default fields heartbeat appends to
 * every message, in its order. Decoding never throws on bad input: {@link
 * lvsdirector.heartbeat.wire.PacketDecoder} returns a rejection carrying a specific reason.
 */
package lvsdirector.heartbeat.wire;
