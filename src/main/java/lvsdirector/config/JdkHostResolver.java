package lvsdirector.config;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The JDK resolver (hosts file and DNS) with getaddrinfo()'s rules in front, as ldirectord sees them:
 * IPv4 text in every inet_aton() form ("010.0.0.1", "10.1"), no IPv4 answer for an IPv6 request, and an
 * empty name meaning the loopback address of the family.
 */
final class JdkHostResolver implements HostResolver {
    private static final InetAddress LOOPBACK4 = address(new byte[] {127, 0, 0, 1});
    private static final InetAddress LOOPBACK6 = address(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    @Override
    public Optional<InetAddress> resolve(String name, boolean ipv6) {
        if (name.isEmpty()) {
            return Optional.of(ipv6 ? LOOPBACK6 : LOOPBACK4);
        }
        Optional<InetAddress> v4 = Ipv4Text.parse(name);
        if (v4.isPresent()) {
            return ipv6 ? Optional.empty() : v4;
        }
        if (name.matches("[0-9.]+")) {
            // not inet_aton text (e.g. "08.0.0.1"); the JDK would still read it as an address, while
            // getaddrinfo would ask the resolver for such a "name" and get nothing
            return Optional.empty();
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(name)) {
                if ((a instanceof Inet6Address) == ipv6) {
                    return Optional.of(a);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // fixed-length byte arrays are always valid
        }
    }
}
