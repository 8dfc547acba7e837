package lvsdirector.netlink.rtnl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import lvsdirector.netlink.Attribute;
import lvsdirector.netlink.Attributes;
import lvsdirector.netlink.MessageWriter;
import lvsdirector.netlink.Netlink;
import lvsdirector.netlink.NetlinkDecodeException;
import lvsdirector.netlink.NetlinkMessage;

/**
 * Encodes the rtnetlink requests this package sends and decodes the replies. Address requests carry their
 * attributes in the order iproute2's {@code ip addr add/del} uses (IFA_LOCAL, IFA_BROADCAST, IFA_LABEL,
 * IFA_ADDRESS), so a request can be compared byte for byte with a capture of {@code ip}.
 */
public final class RtnlMessages {
    private RtnlMessages() {}

    /** RTM_GETLINK for one interface by name. */
    public static byte[] getLink(String name) {
        return MessageWriter.message(Rtnl.RTM_GETLINK, Netlink.NLM_F_REQUEST)
                .fixedHeader(ifinfomsg(0))
                .string(Rtnl.IFLA_IFNAME, name)
                .build();
    }

    /** RTM_GETLINK dump of every interface. */
    public static byte[] dumpLinks() {
        return MessageWriter.message(Rtnl.RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP)
                .fixedHeader(ifinfomsg(0))
                .build();
    }

    /** RTM_GETADDR dump of every address of a family (AF_INET, AF_INET6, or AF_UNSPEC for both). */
    public static byte[] dumpAddresses(int family) {
        return MessageWriter.message(Rtnl.RTM_GETADDR, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP)
                .fixedHeader(ifaddrmsg(family, 0, 0))
                .build();
    }

    /** RTM_NEWADDR with NLM_F_CREATE|NLM_F_EXCL (the kernel answers EEXIST when the address is there). */
    public static byte[] newAddress(NewAddress request) {
        MessageWriter w = MessageWriter.message(Rtnl.RTM_NEWADDR,
                        Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Rtnl.NLM_F_EXCL | Rtnl.NLM_F_CREATE)
                .fixedHeader(ifaddrmsg(familyOf(request.address()), request.prefixLength(), request.interfaceIndex()))
                .bytes(Rtnl.IFA_LOCAL, request.address().getAddress());
        request.broadcast().ifPresent(b -> w.bytes(Rtnl.IFA_BROADCAST, b.getAddress()));
        request.label().ifPresent(l -> w.string(Rtnl.IFA_LABEL, l));
        return w.bytes(Rtnl.IFA_ADDRESS, request.address().getAddress()).build();
    }

    /** RTM_DELADDR of one address (the kernel answers EADDRNOTAVAIL when it is not there). */
    public static byte[] deleteAddress(int interfaceIndex, InetAddress address, int prefixLength) {
        return MessageWriter.message(Rtnl.RTM_DELADDR, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK)
                .fixedHeader(ifaddrmsg(familyOf(address), prefixLength, interfaceIndex))
                .bytes(Rtnl.IFA_LOCAL, address.getAddress())
                .bytes(Rtnl.IFA_ADDRESS, address.getAddress())
                .build();
    }

    /** An RTM_NEWLINK message. */
    public static Link decodeLink(NetlinkMessage message) throws NetlinkDecodeException {
        expectType(message, Rtnl.RTM_NEWLINK, "RTM_NEWLINK");
        ByteBuffer payload = message.payload();
        if (payload.remaining() < Rtnl.IFINFOMSG_LENGTH) {
            throw new NetlinkDecodeException("RTM_NEWLINK too short: " + payload.remaining() + " payload bytes");
        }
        int index = payload.getInt(4);
        int flags = payload.getInt(8);
        Attributes attrs = Attributes.parse(payload.position(Rtnl.IFINFOMSG_LENGTH));
        String name = attrs.require(Rtnl.IFLA_IFNAME, "IFLA_IFNAME").string();
        byte[] mac = attrs.find(Rtnl.IFLA_ADDRESS).map(Attribute::bytes).orElse(new byte[0]);
        return new Link(index, name, flags, mac);
    }

    /** An RTM_NEWADDR message. */
    public static InterfaceAddress decodeAddress(NetlinkMessage message) throws NetlinkDecodeException {
        expectType(message, Rtnl.RTM_NEWADDR, "RTM_NEWADDR");
        ByteBuffer payload = message.payload();
        if (payload.remaining() < Rtnl.IFADDRMSG_LENGTH) {
            throw new NetlinkDecodeException("RTM_NEWADDR too short: " + payload.remaining() + " payload bytes");
        }
        int family = payload.get(0) & 0xff;
        int prefix = payload.get(1) & 0xff;
        int flags = payload.get(2) & 0xff;
        int scope = payload.get(3) & 0xff;
        int index = payload.getInt(4);
        Attributes attrs = Attributes.parse(payload.position(Rtnl.IFADDRMSG_LENGTH));
        // IPv4 puts the interface's own address in IFA_LOCAL (IFA_ADDRESS is the peer on point-to-point links)
        Optional<Attribute> local = attrs.find(Rtnl.IFA_LOCAL);
        Attribute addressAttribute = local.isPresent() ? local.get() : attrs.require(Rtnl.IFA_ADDRESS, "IFA_ADDRESS");
        InetAddress address = inet(addressAttribute, family);
        Optional<Inet4Address> broadcast = Optional.empty();
        if (attrs.find(Rtnl.IFA_BROADCAST).isPresent()) {
            broadcast = Optional.of((Inet4Address) inet(attrs.find(Rtnl.IFA_BROADCAST).get(), Rtnl.AF_INET));
        }
        Optional<String> label = attrs.find(Rtnl.IFA_LABEL).map(Attribute::string);
        int allFlags = attrs.readOr(Rtnl.IFA_FLAGS, Attribute::u32, flags);
        return new InterfaceAddress(index, address, prefix, broadcast, label, scope, allFlags);
    }

    static int familyOf(InetAddress address) {
        return address instanceof Inet6Address ? Rtnl.AF_INET6 : Rtnl.AF_INET;
    }

    private static InetAddress inet(Attribute attribute, int family) throws NetlinkDecodeException {
        int expected = family == Rtnl.AF_INET6 ? 16 : 4;
        if (attribute.length() != expected) {
            throw new NetlinkDecodeException("address attribute type " + attribute.type() + " has "
                    + attribute.length() + " bytes, expected " + expected);
        }
        try {
            return InetAddress.getByAddress(attribute.bytes());
        } catch (UnknownHostException e) {
            throw new NetlinkDecodeException("bad address attribute: " + e.getMessage(), e);
        }
    }

    private static void expectType(NetlinkMessage message, int type, String name) throws NetlinkDecodeException {
        if (message.type() != type) {
            throw new NetlinkDecodeException("expected " + name + " (" + type + "), got message type " + message.type());
        }
    }

    private static byte[] ifinfomsg(int index) {
        return ByteBuffer.allocate(Rtnl.IFINFOMSG_LENGTH).order(ByteOrder.nativeOrder())
                .put((byte) Rtnl.AF_UNSPEC).put((byte) 0).putShort((short) 0).putInt(index).putInt(0).putInt(0)
                .array();
    }

    private static byte[] ifaddrmsg(int family, int prefixLength, int index) {
        return ByteBuffer.allocate(Rtnl.IFADDRMSG_LENGTH).order(ByteOrder.nativeOrder())
                .put((byte) family).put((byte) prefixLength).put((byte) 0).put((byte) 0).putInt(index)
                .array();
    }
}
