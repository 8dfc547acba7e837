package lvsdirector.netlink;

import java.nio.ByteBuffer;

/** A generic-netlink message: genl command and version, then the attributes (after the family header, if any). */
public record GenericMessage(int familyId, int command, int version, Attributes attributes) {

    public static GenericMessage parse(NetlinkMessage message, int familyHeaderLength) throws NetlinkDecodeException {
        ByteBuffer payload = message.payload();
        int skip = Netlink.GENL_HEADER_LENGTH + Netlink.align(familyHeaderLength);
        if (payload.remaining() < skip) {
            throw new NetlinkDecodeException("generic netlink message of type " + message.type() + " too short: "
                    + payload.remaining() + " payload bytes");
        }
        int command = payload.get(0) & 0xff;
        int version = payload.get(1) & 0xff;
        payload.position(skip);
        return new GenericMessage(message.type(), command, version, Attributes.parse(payload));
    }
}
