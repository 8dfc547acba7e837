package lvsdirector.config;

import java.util.Objects;

/**
 * What the parser needs from the outside world.
 *
 * @param hostname    ldirectord's HOSTNAME ($HOSTNAME or the node name): used by service=ftp/sip defaults
 * @param debug       -d mode: like supervised=yes, it skips the logfile open test
 */
public record ParserOptions(HostResolver hosts, ServiceResolver services, FileAccess files, String hostname,
                            boolean debug) {
    public ParserOptions {
        Objects.requireNonNull(hosts);
        Objects.requireNonNull(services);
        Objects.requireNonNull(files);
        Objects.requireNonNull(hostname);
    }

    /** JDK resolvers, /etc/services, the real file system, $HOSTNAME or the local host name. */
    public static ParserOptions system() {
        return new ParserOptions(HostResolver.jdk(), EtcServices.system(), FileAccess.jdk(), localHostname(), false);
    }

    public ParserOptions withDebug(boolean debugMode) {
        return new ParserOptions(hosts, services, files, hostname, debugMode);
    }

    private static String localHostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null) {
            return env;
        }
        return lvsdirector.support.Hostnames.local();
    }
}
