package lvsdirector.netlink.rtnl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An address to add: {@code ip addr add ADDRESS/PREFIX [brd BROADCAST] dev INDEX [label LABEL]}.
 * Broadcast and label exist for IPv4 only.
 */
public record NewAddress(int interfaceIndex, InetAddress address, int prefixLength,
                         Optional<Inet4Address> broadcast, Optional<String> label) {

    public NewAddress {
        int max = address instanceof Inet6Address ? 128 : 32;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range 0.." + max
                    + " for " + address.getHostAddress());
        }
        if (!(address instanceof Inet4Address) && (broadcast.isPresent() || label.isPresent())) {
            throw new IllegalArgumentException("broadcast and label exist only for IPv4 addresses");
        }
        if (label.isPresent() && (label.get().isEmpty() || label.get().length() > Rtnl.MAX_NAME_LENGTH)) {
            throw new IllegalArgumentException("address label [" + label.get() + "] must have 1 to "
                    + Rtnl.MAX_NAME_LENGTH + " characters");
        }
    }

    public String cidr() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
