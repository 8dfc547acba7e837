package lvsdirector.director;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lvsdirector.config.Fallback;
import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.config.VirtualProtocol;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/** Maps config records onto the IPVS records the kernel stores. */
public final class IpvsMapping {
    public static final String DEFAULT_SCHEDULER = "wrr";
    public static final int FALLBACK_WEIGHT = 1;

    private IpvsMapping() {}

    public static ServiceKey serviceKey(VirtualConfig v) {
        if (v.address() instanceof VirtualAddress.Fwmark f) {
            return new ServiceKey.Fwmark(f.mark(), v.ipv6());
        }
        VirtualAddress.HostPort hp = (VirtualAddress.HostPort) v.address();
        Protocol protocol = v.protocol() == VirtualProtocol.UDP ? Protocol.UDP : Protocol.TCP;
        return new ServiceKey.Address(protocol, hp.address(), hp.port());
    }

    /** The virtual's port; 0 for firewall-mark services. */
    public static int virtualPort(VirtualConfig v) {
        return v.address() instanceof VirtualAddress.HostPort hp ? hp.port() : 0;
    }

    public static VirtualService service(VirtualConfig v) {
        ServiceKey key = serviceKey(v);
        SchedulingSettings s = v.scheduling();
        String scheduler = s.scheduler() == null ? DEFAULT_SCHEDULER : s.scheduler();
        int flags = 0;
        int timeout = 0;
        int netmask = VirtualService.defaultNetmask(key.ipv6());
        if (s.persistent() != null) {
            flags |= VirtualService.FLAG_PERSISTENT;
            timeout = s.persistent();
            if (s.netmask() != null) {
                netmask = key.ipv6() ? Integer.parseInt(s.netmask().trim()) : dottedMask(s.netmask());
            }
        }
        if (s.ops() && v.protocol() == VirtualProtocol.UDP) {
            flags |= VirtualService.FLAG_ONEPACKET;
        }
        flags |= schedFlagBits(s.schedFlags());
        return new VirtualService(key, scheduler, flags, timeout, netmask, null);
    }

    /** "255.255.255.0" → 0xffffff00. */
    public static int dottedMask(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("invalid netmask: dotted quad notation is required: " + text);
        }
        int mask = 0;
        for (String part : parts) {
            int octet = Integer.parseInt(part);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("invalid netmask octet " + part + " in " + text);
            }
            mask = (mask << 8) | octet;
        }
        return mask;
    }

    /** sh-fallback/mh-fallback/flag-1 → SCHED1, sh-port/mh-port/flag-2 → SCHED2, flag-3 → SCHED3; others ignored. */
    public static int schedFlagBits(String schedFlags) {
        int bits = 0;
        for (String name : schedFlagNames(schedFlags)) {
            bits |= schedFlagBit(name);
        }
        return bits;
    }

    /** The names of a schedflags= value that no scheduler knows (reported as a warning). */
    public static List<String> unknownSchedFlags(String schedFlags) {
        List<String> unknown = new ArrayList<>();
        for (String name : schedFlagNames(schedFlags)) {
            if (schedFlagBit(name) == 0) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static List<String> schedFlagNames(String schedFlags) {
        List<String> names = new ArrayList<>();
        if (schedFlags == null) {
            return names;
        }
        for (String name : schedFlags.split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static int schedFlagBit(String name) {
        switch (name) {
            case "sh-fallback", "mh-fallback", "flag-1":
                return VirtualService.FLAG_SCHED1;
            case "sh-port", "mh-port", "flag-2":
                return VirtualService.FLAG_SCHED2;
            case "flag-3":
                return VirtualService.FLAG_SCHED3;
            default:
                return 0;
        }
    }

    public static ForwardingMethod forwarding(Forwarding f) {
        if (f == null) {
            return ForwardingMethod.ROUTE;
        }
        switch (f) {
            case MASQ:
                return ForwardingMethod.MASQ;
            case IPIP:
                return ForwardingMethod.TUNNEL;
            default:
                return ForwardingMethod.ROUTE;
        }
    }

    /**
     * The port the kernel stores: ipvsadm gives gate/ipip destinations of address services the virtual's
     * port whatever the real line says, so that is the port every later lookup must use.
     */
    public static int storedPort(VirtualConfig v, ForwardingMethod method, int configuredPort) {
        boolean fwmark = v.address() instanceof VirtualAddress.Fwmark;
        if (!fwmark && method != ForwardingMethod.MASQ) {
            return virtualPort(v);
        }
        return configuredPort;
    }

    public static Destination destination(VirtualConfig v, RealConfig r, int weight) {
        ForwardingMethod method = forwarding(r.forwarding());
        return new Destination(r.address(), storedPort(v, method, r.port()), method, weight,
                r.upperThreshold(), r.lowerThreshold(), Destination.Tunnel.IPIP);
    }

    /** The configured (not stored) port of a fallback: its own, else the virtual's (0 for fwmark). */
    public static int fallbackConfiguredPort(VirtualConfig v, Fallback f) {
        return f.port() != null ? f.port() : virtualPort(v);
    }

    /** The fallback destination of a virtual, or null when it has none. */
    public static Destination fallbackDestination(VirtualConfig v, Globals g) {
        Fallback f = v.effectiveFallback(g);
        if (f == null || f.address() == null) {
            return null;
        }
        ForwardingMethod method = forwarding(f.forwarding());
        return Destination.of(f.address(), storedPort(v, method, fallbackConfiguredPort(v, f)), method, FALLBACK_WEIGHT);
    }
}
