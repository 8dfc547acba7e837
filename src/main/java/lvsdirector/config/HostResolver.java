package lvsdirector.config;

import java.net.InetAddress;
import java.util.Optional;

/** Host name → address of one family, like getaddrinfo() with a family hint (first result wins). */
@FunctionalInterface
public interface HostResolver {

    /** @param name host name or numeric address, without brackets */
    Optional<InetAddress> resolve(String name, boolean ipv6);

    /** The system resolver with getaddrinfo()'s numeric rules; see {@link JdkHostResolver}. */
    static HostResolver jdk() {
        return new JdkHostResolver();
    }
}
