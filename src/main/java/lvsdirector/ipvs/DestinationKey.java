package lvsdirector.ipvs;

import lvsdirector.support.InetAddrs;

import java.net.InetAddress;
import java.util.Objects;

/** What the kernel looks a destination up by within its service: address and port. */
public record DestinationKey(InetAddress address, int port) {
    public DestinationKey {
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return InetAddrs.hostPort(address, port);
    }
}
