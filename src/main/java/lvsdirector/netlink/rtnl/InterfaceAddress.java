package lvsdirector.netlink.rtnl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * One address of an interface: the local address, its prefix length, the IPv4 broadcast (when set) and the label
 * (IPv4 only; {@code eth0} or an alias such as {@code eth0:0}), scope and IFA_F_* flags.
 */
public record InterfaceAddress(int interfaceIndex, InetAddress address, int prefixLength,
                               Optional<Inet4Address> broadcast, Optional<String> label, int scope, int flags) {

    /** IFA_F_TENTATIVE: an IPv6 address still in duplicate address detection. */
    public static final int IFA_F_TENTATIVE = 0x40;

    public String cidr() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
