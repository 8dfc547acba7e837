package lvsdirector.config;

import java.util.OptionalInt;

/** Service name → port, like getservbyname(). */
@FunctionalInterface
public interface ServiceResolver {

    /** @param protocol "tcp", "udp", or "" for any protocol */
    OptionalInt port(String name, String protocol);
}
