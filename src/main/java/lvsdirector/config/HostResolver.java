package lvsdirector.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/** Host name → address of one family, like getaddrinfo() with a family hint (first result wins). */
@FunctionalInterface
public interface HostResolver {

    /** @param name host name or numeric address, without brackets */
    Optional<InetAddress> resolve(String name, boolean ipv6);

    /** The JDK resolver (system hosts file and DNS). */
    static HostResolver jdk() {
        return (name, ipv6) -> {
            if (name.isEmpty()) {
                return Optional.empty(); // the JDK would answer "localhost"
            }
            try {
                for (InetAddress a : InetAddress.getAllByName(name)) {
                    if ((a instanceof Inet6Address) == ipv6) {
                        return Optional.of(a);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                return Optional.empty();
            }
            return Optional.empty();
        };
    }
}
