package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.IpvsException;
import lvsdirector.netlink.Attribute;
import lvsdirector.netlink.GenericMessage;
import lvsdirector.netlink.NetlinkDecodeException;
import lvsdirector.netlink.NetlinkMessage;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Feeds arbitrary bytes through every decoding path of the kernel backend. The property under test: the result is
 * decoded objects or a {@link NetlinkDecodeException}; any other exception escapes and fails the caller.
 */
final class ReplyDecoding {
    private static final int FAMILY = 28;

    private ReplyDecoding() {}

    /** Returns the number of objects decoded; throws only NetlinkDecodeException. */
    static int decodeAll(byte[] datagram) throws NetlinkDecodeException {
        IpvsDecoder decoder = new IpvsDecoder(FAMILY);
        int decoded = 0;
        for (NetlinkMessage m : NetlinkMessage.split(ByteBuffer.wrap(datagram))) {
            List<NetlinkMessage> one = List.of(m);
            decoded += tryDecode(() -> decoder.services(one).size());
            decoded += tryDecode(() -> decoder.destinations(one, IpvsGenl.AF_INET).size());
            decoded += tryDecode(() -> decoder.destinations(one, IpvsGenl.AF_INET6).size());
            decoded += tryDecode(() -> decoder.daemons(one).size());
            decoded += tryDecode(() -> decoder.info(one) == null ? 0 : 1);
            decoded += tryDecode(() -> decoder.timeouts(one) == null ? 0 : 1);
            // the same payload taken as a bare attribute nest of each kind
            if (m.payload().remaining() >= 4) {
                GenericMessage g = GenericMessage.parse(m, 0);
                for (Attribute a : g.attributes().all()) {
                    decoded += tryDecode(() -> decoder.service(a.nested()) == null ? 0 : 1);
                    decoded += tryDecode(() -> decoder.destination(a.nested(), IpvsGenl.AF_INET) == null ? 0 : 1);
                    decoded += tryDecode(() -> decoder.daemon(a.nested()) == null ? 0 : 1);
                }
            }
        }
        return decoded;
    }

    private interface Decode {
        int run() throws NetlinkDecodeException, IpvsException;
    }

    private static int tryDecode(Decode decode) {
        try {
            return decode.run();
        } catch (NetlinkDecodeException | IpvsException expected) {
            return 0;
        }
    }
}
