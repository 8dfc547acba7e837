package lvsdirector.heartbeat.wire;

/**
 * What a node stamps on every message it sends.
 *
 * @param node its node name ({@code src})
 * @param uuid its persistent 16-byte UUID ({@code srcuuid})
 * @param generation its generation ({@code hg}), raised at every start
 * @param ttl {@code hopfudge} + number of nodes
 */
public record SenderIdentity(String node, byte[] uuid, long generation, int ttl) {

    public SenderIdentity {
        if (uuid.length != 16) {
            throw new IllegalArgumentException("node uuid must be 16 bytes, got " + uuid.length);
        }
        uuid = uuid.clone();
    }

    @Override
    public byte[] uuid() {
        return uuid.clone();
    }
}
