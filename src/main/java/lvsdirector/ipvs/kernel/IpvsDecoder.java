package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsBackend.Info;
import lvsdirector.ipvs.IpvsBackend.Timeouts;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.Stats;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.ipvs.kernel.IpvsGenl.CmdAttr;
import lvsdirector.ipvs.kernel.IpvsGenl.Command;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonAttr;
import lvsdirector.ipvs.kernel.IpvsGenl.DestAttr;
import lvsdirector.ipvs.kernel.IpvsGenl.InfoAttr;
import lvsdirector.ipvs.kernel.IpvsGenl.SvcAttr;
import lvsdirector.netlink.Attribute;
import lvsdirector.netlink.Attributes;
import lvsdirector.netlink.GenericMessage;
import lvsdirector.netlink.NetlinkDecodeException;
import lvsdirector.netlink.NetlinkMessage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns IPVS reply messages into domain objects. Attributes are found by type (never by position), PAD is
 * ignored, 64-bit statistics are preferred over the 32-bit ones. Anything that does not parse, or that the domain
 * types reject, is a {@link NetlinkDecodeException}: a reply is decoded completely or not at all.
 */
public final class IpvsDecoder {
    private final int familyId;

    public IpvsDecoder(int familyId) {
        this.familyId = familyId;
    }

    public List<ServiceEntry> services(List<NetlinkMessage> replies) throws NetlinkDecodeException {
        List<ServiceEntry> out = new ArrayList<>(replies.size());
        for (NetlinkMessage m : replies) {
            out.add(service(nest(m, Command.NEW_SERVICE, CmdAttr.SERVICE)));
        }
        return out;
    }

    public List<DestinationEntry> destinations(List<NetlinkMessage> replies, int serviceFamily) throws NetlinkDecodeException {
        List<DestinationEntry> out = new ArrayList<>(replies.size());
        for (NetlinkMessage m : replies) {
            out.add(destination(nest(m, Command.NEW_DEST, CmdAttr.DEST), serviceFamily));
        }
        return out;
    }

    public List<SyncDaemon> daemons(List<NetlinkMessage> replies) throws NetlinkDecodeException {
        List<SyncDaemon> out = new ArrayList<>(replies.size());
        for (NetlinkMessage m : replies) {
            out.add(daemon(nest(m, Command.NEW_DAEMON, CmdAttr.DAEMON)));
        }
        return out;
    }

    public Info info(List<NetlinkMessage> replies) throws NetlinkDecodeException {
        Attributes a = single(replies, Command.SET_INFO).attributes();
        return new Info(a.require(InfoAttr.VERSION.code(), "IPVS_INFO_ATTR_VERSION").u32(),
                a.require(InfoAttr.CONN_TAB_SIZE.code(), "IPVS_INFO_ATTR_CONN_TAB_SIZE").u32());
    }

    public Timeouts timeouts(List<NetlinkMessage> replies) throws NetlinkDecodeException {
        Attributes a = single(replies, Command.SET_CONFIG).attributes();
        return new Timeouts(a.require(CmdAttr.TIMEOUT_TCP.code(), "IPVS_CMD_ATTR_TIMEOUT_TCP").u32(),
                a.require(CmdAttr.TIMEOUT_TCP_FIN.code(), "IPVS_CMD_ATTR_TIMEOUT_TCP_FIN").u32(),
                a.require(CmdAttr.TIMEOUT_UDP.code(), "IPVS_CMD_ATTR_TIMEOUT_UDP").u32());
    }

    public ServiceEntry service(Attributes a) throws NetlinkDecodeException {
        try {
            int af = a.require(SvcAttr.AF.code(), "IPVS_SVC_ATTR_AF").u16();
            boolean ipv6 = isIpv6(af);
            ServiceKey key;
            Optional<Attribute> fwmark = a.find(SvcAttr.FWMARK.code());
            if (fwmark.isPresent()) {
                key = new ServiceKey.Fwmark(fwmark.get().u32(), ipv6);
            } else {
                Protocol protocol = Protocol.ofNumber(a.require(SvcAttr.PROTOCOL.code(), "IPVS_SVC_ATTR_PROTOCOL").u16());
                InetAddress address = address(a.require(SvcAttr.ADDR.code(), "IPVS_SVC_ATTR_ADDR"), af);
                key = new ServiceKey.Address(protocol, address, a.require(SvcAttr.PORT.code(), "IPVS_SVC_ATTR_PORT").u16BigEndian());
            }
            String scheduler = a.require(SvcAttr.SCHED_NAME.code(), "IPVS_SVC_ATTR_SCHED_NAME").string();
            Attribute flagsAttr = a.require(SvcAttr.FLAGS.code(), "IPVS_SVC_ATTR_FLAGS");
            if (flagsAttr.length() != 8) {
                throw new NetlinkDecodeException("IPVS_SVC_ATTR_FLAGS has " + flagsAttr.length() + " bytes, expected 8");
            }
            int flags = ByteBuffer.wrap(flagsAttr.bytes()).order(ByteOrder.nativeOrder()).getInt(0);
            int timeout = a.require(SvcAttr.TIMEOUT.code(), "IPVS_SVC_ATTR_TIMEOUT").u32();
            Attribute netmaskAttr = a.require(SvcAttr.NETMASK.code(), "IPVS_SVC_ATTR_NETMASK");
            int netmask = ipv6 ? netmaskAttr.u32() : netmaskAttr.u32BigEndian();
            String engine = a.readOr(SvcAttr.PE_NAME.code(), Attribute::string, null);
            VirtualService service = new VirtualService(key, scheduler, flags, timeout, netmask, engine);
            return new ServiceEntry(service, stats(a, SvcAttr.STATS64.code(), SvcAttr.STATS.code()));
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException("invalid IPVS service: " + e.getMessage(), e);
        }
    }

    public DestinationEntry destination(Attributes a, int serviceFamily) throws NetlinkDecodeException {
        try {
            int af = a.readOr(DestAttr.ADDR_FAMILY.code(), Attribute::u16, serviceFamily);
            InetAddress address = address(a.require(DestAttr.ADDR.code(), "IPVS_DEST_ATTR_ADDR"), af);
            int port = a.require(DestAttr.PORT.code(), "IPVS_DEST_ATTR_PORT").u16BigEndian();
            int method = a.require(DestAttr.FWD_METHOD.code(), "IPVS_DEST_ATTR_FWD_METHOD").u32() & IpvsGenl.FwdMethod.MASK;
            int weight = a.require(DestAttr.WEIGHT.code(), "IPVS_DEST_ATTR_WEIGHT").u32();
            int upper = a.require(DestAttr.U_THRESH.code(), "IPVS_DEST_ATTR_U_THRESH").u32();
            int lower = a.require(DestAttr.L_THRESH.code(), "IPVS_DEST_ATTR_L_THRESH").u32();
            Destination.Tunnel tunnel = new Destination.Tunnel(
                    a.readOr(DestAttr.TUN_TYPE.code(), Attribute::u8, 0),
                    a.readOr(DestAttr.TUN_PORT.code(), Attribute::u16BigEndian, 0),
                    a.readOr(DestAttr.TUN_FLAGS.code(), Attribute::u16, 0));
            Destination d = new Destination(address, port, ForwardingMethod.ofCode(method), weight, upper, lower, tunnel);
            return new DestinationEntry(d, a.readOr(DestAttr.ACTIVE_CONNS.code(), Attribute::u32, 0),
                    a.readOr(DestAttr.INACT_CONNS.code(), Attribute::u32, 0),
                    a.readOr(DestAttr.PERSIST_CONNS.code(), Attribute::u32, 0),
                    stats(a, DestAttr.STATS64.code(), DestAttr.STATS.code()));
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException("invalid IPVS destination: " + e.getMessage(), e);
        }
    }

    public SyncDaemon daemon(Attributes a) throws NetlinkDecodeException {
        try {
            int stateCode = a.require(DaemonAttr.STATE.code(), "IPVS_DAEMON_ATTR_STATE").u32();
            IpvsGenl.DaemonState state = java.util.Arrays.stream(IpvsGenl.DaemonState.values())
                    .filter(s -> s.code() == stateCode).findFirst()
                    .orElseThrow(() -> new NetlinkDecodeException("unknown sync daemon state " + stateCode));
            String ifname = a.require(DaemonAttr.MCAST_IFN.code(), "IPVS_DAEMON_ATTR_MCAST_IFN").string();
            int syncId = a.require(DaemonAttr.SYNC_ID.code(), "IPVS_DAEMON_ATTR_SYNC_ID").u32();
            int maxLen = a.readOr(DaemonAttr.SYNC_MAXLEN.code(), Attribute::u16, 0);
            int port = a.readOr(DaemonAttr.MCAST_PORT.code(), Attribute::u16, 0); // host order, unlike other ports
            int ttl = a.readOr(DaemonAttr.MCAST_TTL.code(), Attribute::u8, 0);
            InetAddress group = a.readOr(DaemonAttr.MCAST_GROUP6.code(), g -> rawAddress(g.bytes(), 16),
                    a.readOr(DaemonAttr.MCAST_GROUP.code(), g -> rawAddress(g.bytes(), 4), null));
            return new SyncDaemon(state, ifname, syncId, maxLen, group, port, ttl);
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException("invalid IPVS sync daemon: " + e.getMessage(), e);
        }
    }

    /** STATS64 when present (all u64), else STATS (u32/u64 mix), else zeros; PAD and unknown types are skipped. */
    static Stats stats(Attributes parent, int stats64Type, int stats32Type) throws NetlinkDecodeException {
        Optional<Attribute> nest = parent.find(stats64Type);
        if (nest.isEmpty()) {
            nest = parent.find(stats32Type);
        }
        if (nest.isEmpty()) {
            return Stats.ZERO;
        }
        long[] v = new long[11];
        for (Attribute counter : nest.get().nested().all()) {
            int t = counter.type();
            if (t >= 1 && t <= 10) {
                if (counter.length() != 4 && counter.length() != 8) {
                    throw new NetlinkDecodeException("statistics counter " + t + " has " + counter.length() + " bytes");
                }
                v[t] = counter.unsigned();
            }
        }
        return new Stats(v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    private GenericMessage single(List<NetlinkMessage> replies, Command expected) throws NetlinkDecodeException {
        if (replies.size() != 1) {
            throw new NetlinkDecodeException("expected one IPVS " + expected + " reply, got " + replies.size());
        }
        return genl(replies.get(0), expected);
    }

    private Attributes nest(NetlinkMessage m, Command expected, CmdAttr nestType) throws NetlinkDecodeException {
        GenericMessage g = genl(m, expected);
        return g.attributes().require(nestType.code(), "IPVS_CMD_ATTR_" + nestType).nested();
    }

    private GenericMessage genl(NetlinkMessage m, Command expected) throws NetlinkDecodeException {
        if (m.type() != familyId) {
            throw new NetlinkDecodeException("reply of message type " + m.type() + ", expected IPVS family " + familyId);
        }
        GenericMessage g = GenericMessage.parse(m, 0);
        if (g.command() != expected.code()) {
            throw new NetlinkDecodeException("IPVS reply with command " + g.command() + ", expected " + expected
                    + " (" + expected.code() + ")");
        }
        return g;
    }

    private static boolean isIpv6(int af) throws NetlinkDecodeException {
        if (af == IpvsGenl.AF_INET) {
            return false;
        }
        if (af == IpvsGenl.AF_INET6) {
            return true;
        }
        throw new NetlinkDecodeException("unknown address family " + af);
    }

    private static InetAddress address(Attribute attr, int af) throws NetlinkDecodeException {
        byte[] raw = attr.bytes();
        if (raw.length != 16) {
            throw new NetlinkDecodeException("address attribute has " + raw.length + " bytes, expected 16");
        }
        return rawAddress(raw, isIpv6(af) ? 16 : 4);
    }

    private static InetAddress rawAddress(byte[] raw, int length) throws NetlinkDecodeException {
        if (raw.length < length) {
            throw new NetlinkDecodeException("address of " + raw.length + " bytes, expected " + length);
        }
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOf(raw, length));
        } catch (UnknownHostException e) {
            throw new NetlinkDecodeException("bad address: " + e.getMessage(), e);
        }
    }
}
