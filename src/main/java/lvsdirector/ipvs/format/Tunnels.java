package lvsdirector.ipvs.format;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;

/** Tunnel settings as ipvsadm shows them in --tun-info listings and in -S rules. */
final class Tunnels {
    /** IP_VS_TUNNEL_ENCAP_FLAG_CSUM and _REMCSUM; no flag means no checksum. */
    static final int FLAG_CSUM = 1;
    static final int FLAG_REMCSUM = 2;

    private Tunnels() {}

    /** "n/a", "ipip", "gue:6080:-c", "gre:+c". */
    static String info(Destination d) {
        if (d.forwarding() != ForwardingMethod.TUNNEL) {
            return "n/a";
        }
        Destination.Tunnel t = d.tunnel();
        return switch (t.type()) {
            case Destination.Tunnel.TYPE_GUE -> "gue:" + t.port() + ":" + checksumInfo(t.flags());
            case Destination.Tunnel.TYPE_GRE -> "gre:" + checksumInfo(t.flags());
            default -> typeName(t.type());
        };
    }

    /** " --tun-type gue --tun-port 6080 --tun-nocsum"; empty for destinations that do not tunnel. */
    static String ruleOptions(Destination d) {
        if (d.forwarding() != ForwardingMethod.TUNNEL) {
            return "";
        }
        Destination.Tunnel t = d.tunnel();
        StringBuilder sb = new StringBuilder(" --tun-type ").append(typeName(t.type()));
        if (t.type() == Destination.Tunnel.TYPE_GUE) {
            sb.append(" --tun-port ").append(t.port());
        }
        if (t.type() == Destination.Tunnel.TYPE_GUE || t.type() == Destination.Tunnel.TYPE_GRE) {
            sb.append(checksumOption(t.flags()));
        }
        return sb.toString();
    }

    private static String typeName(int type) {
        return switch (type) {
            case Destination.Tunnel.TYPE_IPIP -> "ipip";
            case Destination.Tunnel.TYPE_GUE -> "gue";
            case Destination.Tunnel.TYPE_GRE -> "gre";
            default -> "unknown";
        };
    }

    private static String checksumInfo(int flags) {
        if ((flags & FLAG_CSUM) != 0) {
            return "+c";
        }
        return (flags & FLAG_REMCSUM) != 0 ? "+r" : "-c";
    }

    private static String checksumOption(int flags) {
        if ((flags & FLAG_CSUM) != 0) {
            return " --tun-csum";
        }
        return (flags & FLAG_REMCSUM) != 0 ? " --tun-remcsum" : " --tun-nocsum";
    }
}
