package lvsdirector.netlink.rtnl;

import java.util.HexFormat;

/**
 * A network interface as rtnetlink reports it: index, name, flags (IFF_*) and hardware address (empty for
 * interfaces without one, e.g. some tunnels).
 */
public record Link(int index, String name, int flags, byte[] hardwareAddress) {

    public Link {
        hardwareAddress = hardwareAddress.clone();
    }

    @Override
    public byte[] hardwareAddress() {
        return hardwareAddress.clone();
    }

    public boolean up() {
        return (flags & Rtnl.IFF_UP) != 0;
    }

    public boolean loopback() {
        return (flags & Rtnl.IFF_LOOPBACK) != 0;
    }

    /** The hardware address as aa:bb:cc:dd:ee:ff. */
    public String hardwareAddressText() {
        return HexFormat.ofDelimiter(":").formatHex(hardwareAddress);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Link l && l.index == index && l.name.equals(name) && l.flags == flags
                && java.util.Arrays.equals(l.hardwareAddress, hardwareAddress);
    }

    @Override
    public int hashCode() {
        return index * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "Link[" + index + " " + name + " " + hardwareAddressText() + " flags=0x" + Integer.toHexString(flags) + "]";
    }
}
