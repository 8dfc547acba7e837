package lvsdirector.sanity;

import lvsdirector.config.DirectorConfig;
import lvsdirector.config.Fallback;
import lvsdirector.config.Forwarding;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Masq (NAT) reals answer through the director, which must route those replies: with forwarding off the
 * clients never get an answer although every check passes. IPv4 and IPv6 are checked separately.
 */
final class ForwardingCheck implements SanityCheck {
    static final String IPV4 = "/proc/sys/net/ipv4/ip_forward";
    static final String IPV6 = "/proc/sys/net/ipv6/conf/all/forwarding";

    @Override
    public List<Finding> check(DirectorConfig config, SystemFiles files) {
        List<Finding> findings = new ArrayList<>();
        family(config, files, false, IPV4, "net.ipv4.ip_forward").ifPresent(findings::add);
        family(config, files, true, IPV6, "net.ipv6.conf.all.forwarding").ifPresent(findings::add);
        return findings;
    }

    private static Optional<Finding> family(DirectorConfig config, SystemFiles files, boolean ipv6,
                                                      String file, String sysctl) {
        if (!files.value(file).map("0"::equals).orElse(false)) {
            return Optional.empty();
        }
        Set<String> virtuals = new LinkedHashSet<>();
        for (VirtualConfig v : config.virtuals()) {
            for (RealConfig r : v.reals()) {
                if (r.forwarding() == Forwarding.MASQ && isIpv6(r.address()) == ipv6) {
                    virtuals.add(v.id());
                }
            }
            Fallback fallback = v.effectiveFallback(config.globals());
            if (fallback != null && fallback.forwarding() == Forwarding.MASQ && isIpv6(fallback.address()) == ipv6) {
                virtuals.add(v.id());
            }
        }
        if (virtuals.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(sysctl + "=0 but " + String.join(", ", virtuals)
                + " use masq real servers, whose replies this host must forward back to the clients",
                "sysctl -w " + sysctl + "=1 (and set it in /etc/sysctl.conf)"));
    }

    private static boolean isIpv6(InetAddress address) {
        return address instanceof Inet6Address;
    }
}
