package lvsdirector.ipvs;

import lvsdirector.support.InetAddrs;

import java.net.Inet6Address;

/** ipvsadm argument lists for services and destinations, as in `ipvsadm -S -n` output. */
public final class IpvsadmSyntax {
    private IpvsadmSyntax() {}

    public static String service(String command, VirtualService s) {
        StringBuilder sb = new StringBuilder(command).append(' ').append(s.key().ipvsadmSelector());
        sb.append(" -s ").append(s.scheduler());
        if (s.persistent()) {
            sb.append(" -p ").append(Integer.toUnsignedString(s.timeout()));
            if (!isDefaultNetmask(s)) {
                sb.append(" -M ").append(netmaskText(s));
            }
        }
        if (s.persistenceEngine() != null) {
            sb.append(" --pe ").append(s.persistenceEngine());
        }
        if (s.onePacket()) {
            sb.append(" -o");
        }
        String schedFlags = schedulerFlags(s);
        if (!schedFlags.isEmpty()) {
            sb.append(" -b ").append(schedFlags);
        }
        return sb.toString();
    }

    public static String destination(String command, ServiceKey service, Destination d) {
        StringBuilder sb = new StringBuilder(command).append(' ').append(service.ipvsadmSelector());
        sb.append(" -r ").append(InetAddrs.hostPort(d.address(), d.port()));
        sb.append(' ').append(d.forwarding().ipvsadmOption());
        sb.append(" -w ").append(d.weight());
        if (d.upperThreshold() != 0) {
            sb.append(" -x ").append(Integer.toUnsignedString(d.upperThreshold()));
        }
        if (d.lowerThreshold() != 0) {
            sb.append(" -y ").append(Integer.toUnsignedString(d.lowerThreshold()));
        }
        return sb.toString();
    }

    public static boolean isDefaultNetmask(VirtualService s) {
        return s.netmask() == VirtualService.defaultNetmask(s.key().ipv6());
    }

    /** "255.255.255.0" for IPv4, "64" for IPv6. */
    public static String netmaskText(VirtualService s) {
        if (s.key().ipv6() || isIpv6Fwmark(s)) {
            return Integer.toString(s.netmask());
        }
        int m = s.netmask();
        return ((m >>> 24) & 0xff) + "." + ((m >>> 16) & 0xff) + "." + ((m >>> 8) & 0xff) + "." + (m & 0xff);
    }

    private static boolean isIpv6Fwmark(VirtualService s) {
        return s.key() instanceof ServiceKey.Fwmark f && f.ipv6();
    }

    /** Scheduler flag names as ipvsadm prints them for the given scheduler ("sh-fallback,sh-port", "mh-port"). */
    public static String schedulerFlags(VirtualService s) {
        StringBuilder sb = new StringBuilder();
        String sched = s.scheduler();
        String[] names;
        if ("sh".equals(sched)) {
            names = new String[] {"sh-fallback", "sh-port", "flag-3"};
        } else if ("mh".equals(sched)) {
            names = new String[] {"mh-fallback", "mh-port", "flag-3"};
        } else {
            names = new String[] {"flag-1", "flag-2", "flag-3"};
        }
        int[] bits = {VirtualService.FLAG_SCHED1, VirtualService.FLAG_SCHED2, VirtualService.FLAG_SCHED3};
        for (int i = 0; i < bits.length; i++) {
            if ((s.flags() & bits[i]) != 0) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(names[i]);
            }
        }
        return sb.toString();
    }

    static boolean isIpv6(java.net.InetAddress a) {
        return a instanceof Inet6Address;
    }
}
