package lvsdirector.ipvs;

import java.util.Objects;

/**
 * A virtual service as the kernel holds it. Every field is sent on add and edit: an edit is a full
 * replacement, exactly as in the kernel.
 *
 * @param key         protocol+address+port or fwmark
 * @param scheduler   scheduler name ("wrr", "sh", ...)
 * @param flags       IP_VS_SVC_F_* bits as configured (PERSISTENT, ONEPACKET, SCHED1..3); HASHED is never set here
 * @param timeout     persistence timeout in seconds (0 when not persistent)
 * @param netmask     persistence granularity: for IPv4 the mask as a 32-bit value (0xffffff00 for /24),
 *                    for IPv6 the prefix length (128 by default)
 * @param persistenceEngine persistence engine name ("sip") or null
 */
public record VirtualService(ServiceKey key, String scheduler, int flags, int timeout, int netmask, String persistenceEngine) {

    public static final int FLAG_PERSISTENT = 0x1;
    public static final int FLAG_HASHED = 0x2;
    public static final int FLAG_ONEPACKET = 0x4;
    public static final int FLAG_SCHED1 = 0x8;
    public static final int FLAG_SCHED2 = 0x10;
    public static final int FLAG_SCHED3 = 0x20;

    public VirtualService {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheduler, "scheduler");
        flags &= ~FLAG_HASHED;
    }

    /** A non-persistent service with the default netmask. */
    public static VirtualService of(ServiceKey key, String scheduler) {
        return new VirtualService(key, scheduler, 0, 0, defaultNetmask(key.ipv6()), null);
    }

    public static int defaultNetmask(boolean ipv6) {
        return ipv6 ? 128 : 0xffffffff;
    }

    public boolean persistent() {
        return (flags & FLAG_PERSISTENT) != 0;
    }

    public boolean onePacket() {
        return (flags & FLAG_ONEPACKET) != 0;
    }
}
