package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsBackend.Timeouts;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.ipvs.kernel.IpvsGenl.CmdAttr;
import lvsdirector.ipvs.kernel.IpvsGenl.Command;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonAttr;
import lvsdirector.ipvs.kernel.IpvsGenl.DestAttr;
import lvsdirector.ipvs.kernel.IpvsGenl.SvcAttr;
import lvsdirector.netlink.MessageWriter;
import lvsdirector.netlink.Netlink;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Builds IPVS requests exactly as ipvsadm 1.31 lays them out (attribute order, full service attributes even where
 * the kernel only needs the key), so that captured requests can serve as golden bytes. Ports are big-endian, IPv4
 * netmasks are the mask bytes in network order, addresses always 16 bytes next to their family.
 *
 * @throws IllegalArgumentException from the builders for values the kernel cannot carry (e.g. a 16-byte scheduler name)
 */
public final class IpvsEncoder {
    private static final int REQUEST = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
    private static final int DUMP = REQUEST | Netlink.NLM_F_DUMP;
    private static final int ALL_FLAGS = 0xffffffff;

    private final int familyId;

    public IpvsEncoder(int familyId) {
        this.familyId = familyId;
    }

    public byte[] getInfo() {
        return plain(Command.GET_INFO, REQUEST);
    }

    public byte[] getServices() {
        return plain(Command.GET_SERVICE, DUMP);
    }

    /** One service (DO request); ipvsadm sends the key with an empty scheduler and netmask 0. */
    public byte[] getService(ServiceKey key) {
        MessageWriter w = start(Command.GET_SERVICE, REQUEST).beginNested(CmdAttr.SERVICE.code());
        serviceKey(w, key);
        w.string(SvcAttr.SCHED_NAME.code(), "");
        flagsTimeoutNetmask(w, key, 0, 0, 0);
        return w.endNested().build();
    }

    public byte[] getDestinations(ServiceKey key) {
        MessageWriter w = start(Command.GET_DEST, DUMP).beginNested(CmdAttr.SERVICE.code());
        serviceKey(w, key);
        return w.endNested().build();
    }

    public byte[] newService(VirtualService service) {
        return fullService(Command.NEW_SERVICE, service);
    }

    public byte[] setService(VirtualService service) {
        return fullService(Command.SET_SERVICE, service);
    }

    public byte[] deleteService(ServiceKey key) {
        MessageWriter w = start(Command.DEL_SERVICE, REQUEST);
        keyAsService(w, key);
        return w.build();
    }

    public byte[] newDestination(ServiceKey key, Destination destination) {
        return destinationRequest(Command.NEW_DEST, key, destination);
    }

    public byte[] setDestination(ServiceKey key, Destination destination) {
        return destinationRequest(Command.SET_DEST, key, destination);
    }

    /** The kernel looks the destination up by address and port; the other fields are ipvsadm's defaults. */
    public byte[] deleteDestination(ServiceKey key, DestinationKey destination) {
        Destination d = Destination.of(destination.address(), destination.port(), ForwardingMethod.ROUTE, 1);
        return destinationRequest(Command.DEL_DEST, key, d);
    }

    public byte[] zero(Optional<ServiceKey> key) {
        MessageWriter w = start(Command.ZERO, REQUEST);
        key.ifPresent(k -> keyAsService(w, k));
        return w.build();
    }

    public byte[] flush() {
        return plain(Command.FLUSH, REQUEST);
    }

    public byte[] getTimeouts() {
        return plain(Command.GET_CONFIG, REQUEST);
    }

    public byte[] setTimeouts(Timeouts t) {
        return start(Command.SET_CONFIG, REQUEST)
                .u32(CmdAttr.TIMEOUT_TCP.code(), t.tcp())
                .u32(CmdAttr.TIMEOUT_TCP_FIN.code(), t.tcpFin())
                .u32(CmdAttr.TIMEOUT_UDP.code(), t.udp())
                .build();
    }

    public byte[] startDaemon(SyncDaemon d) {
        MessageWriter w = start(Command.NEW_DAEMON, REQUEST).beginNested(CmdAttr.DAEMON.code())
                .u32(DaemonAttr.STATE.code(), d.state().code())
                .string(DaemonAttr.MCAST_IFN.code(), checkName(d.interfaceName(), "interface name"))
                .u32(DaemonAttr.SYNC_ID.code(), d.syncId());
        if (d.maxLength() != 0) {
            w.u16(DaemonAttr.SYNC_MAXLEN.code(), d.maxLength());
        }
        if (d.port() != 0) {
            w.u16(DaemonAttr.MCAST_PORT.code(), d.port()); // host order, unlike every other port
        }
        if (d.ttl() != 0) {
            w.u8(DaemonAttr.MCAST_TTL.code(), d.ttl());
        }
        if (d.group() instanceof Inet6Address) {
            w.bytes(DaemonAttr.MCAST_GROUP6.code(), d.group().getAddress());
        } else if (d.group() != null) {
            w.bytes(DaemonAttr.MCAST_GROUP.code(), d.group().getAddress());
        }
        return w.endNested().build();
    }

    public byte[] stopDaemon(IpvsGenl.DaemonState state) {
        return start(Command.DEL_DAEMON, REQUEST).beginNested(CmdAttr.DAEMON.code())
                .u32(DaemonAttr.STATE.code(), state.code())
                .string(DaemonAttr.MCAST_IFN.code(), "")
                .u32(DaemonAttr.SYNC_ID.code(), 0)
                .endNested().build();
    }

    public byte[] getDaemons() {
        return plain(Command.GET_DAEMON, DUMP);
    }

    private byte[] fullService(Command command, VirtualService s) {
        MessageWriter w = start(command, REQUEST).beginNested(CmdAttr.SERVICE.code());
        serviceKey(w, s.key());
        w.string(SvcAttr.SCHED_NAME.code(), checkName(s.scheduler(), "scheduler name"));
        if (s.persistenceEngine() != null) {
            w.string(SvcAttr.PE_NAME.code(), checkName(s.persistenceEngine(), "persistence engine name"));
        }
        if (s.key().ipv6() && (s.netmask() < 1 || s.netmask() > 128)) {
            throw new IllegalArgumentException("IPv6 persistence prefix length must be 1..128: " + s.netmask());
        }
        flagsTimeoutNetmask(w, s.key(), s.flags(), s.timeout(), s.netmask());
        return w.endNested().build();
    }

    private byte[] destinationRequest(Command command, ServiceKey key, Destination d) {
        MessageWriter w = start(command, REQUEST);
        keyAsService(w, key);
        w.beginNested(CmdAttr.DEST.code())
                .u16(DestAttr.ADDR_FAMILY.code(), family(d.address()))
                .bytes(DestAttr.ADDR.code(), address16(d.address()))
                .u16BigEndian(DestAttr.PORT.code(), d.port())
                .u32(DestAttr.FWD_METHOD.code(), d.forwarding().code())
                .u32(DestAttr.WEIGHT.code(), d.weight())
                .u8(DestAttr.TUN_TYPE.code(), d.tunnel().type())
                .u16BigEndian(DestAttr.TUN_PORT.code(), d.tunnel().port())
                .u16(DestAttr.TUN_FLAGS.code(), d.tunnel().flags())
                .u32(DestAttr.U_THRESH.code(), d.upperThreshold())
                .u32(DestAttr.L_THRESH.code(), d.lowerThreshold())
                .endNested();
        return w.build();
    }

    /** The service nest as ipvsadm sends it for commands that only identify a service. */
    private void keyAsService(MessageWriter w, ServiceKey key) {
        w.beginNested(CmdAttr.SERVICE.code());
        serviceKey(w, key);
        w.string(SvcAttr.SCHED_NAME.code(), "");
        flagsTimeoutNetmask(w, key, 0, 0, VirtualService.defaultNetmask(key.ipv6()));
        w.endNested();
    }

    private static void serviceKey(MessageWriter w, ServiceKey key) {
        if (key instanceof ServiceKey.Address a) {
            w.u16(SvcAttr.AF.code(), family(a.address()))
                    .u16(SvcAttr.PROTOCOL.code(), a.protocol().number())
                    .bytes(SvcAttr.ADDR.code(), address16(a.address()))
                    .u16BigEndian(SvcAttr.PORT.code(), a.port());
        } else {
            ServiceKey.Fwmark f = (ServiceKey.Fwmark) key;
            w.u16(SvcAttr.AF.code(), f.ipv6() ? IpvsGenl.AF_INET6 : IpvsGenl.AF_INET)
                    .u32(SvcAttr.FWMARK.code(), f.mark());
        }
    }

    private static void flagsTimeoutNetmask(MessageWriter w, ServiceKey key, int flags, int timeout, int netmask) {
        byte[] flagsAndMask = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder())
                .putInt(flags).putInt(ALL_FLAGS).array();
        w.bytes(SvcAttr.FLAGS.code(), flagsAndMask).u32(SvcAttr.TIMEOUT.code(), timeout);
        if (key.ipv6()) {
            w.u32(SvcAttr.NETMASK.code(), netmask);
        } else {
            w.u32BigEndian(SvcAttr.NETMASK.code(), netmask);
        }
    }

    private MessageWriter start(Command command, int flags) {
        return MessageWriter.genl(familyId, flags, command.code(), IpvsGenl.GENL_VERSION);
    }

    private byte[] plain(Command command, int flags) {
        return start(command, flags).build();
    }

    static int family(InetAddress address) {
        return address instanceof Inet4Address ? IpvsGenl.AF_INET : IpvsGenl.AF_INET6;
    }

    static byte[] address16(InetAddress address) {
        byte[] out = new byte[16];
        byte[] raw = address.getAddress();
        System.arraycopy(raw, 0, out, 0, raw.length);
        return out;
    }

    private static String checkName(String name, String what) {
        if (name.getBytes(StandardCharsets.UTF_8).length >= IpvsGenl.NAME_MAX_LENGTH) {
            throw new IllegalArgumentException(what + " too long (at most " + (IpvsGenl.NAME_MAX_LENGTH - 1)
                    + " bytes): " + name);
        }
        return name;
    }
}
