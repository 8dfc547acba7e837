package lvsdirector.check.lib;

import java.net.InetAddress;
import java.time.Duration;
import lvsdirector.check.CheckSpec;

/**
 * Builds this package's specs from ldirectord's settings, with ldirectord's choice of timeout per service:
 * checktimeout for ldap and radius, negotiatetimeout for dns and the databases.
 */
public final class LibrarySpecs {
    private LibrarySpecs() {}

    /** The virtual's (or real's) check settings as ldirectord stores them (request with its leading "/"). */
    public record Settings(String request, String receive, String login, String passwd, String database,
                           String secret) {}

    /**
     * @param service ldirectord's service word: dns, radius, ldap, ldaps, mysql, pgsql or oracle
     * @param tcp     whether the virtual service is tcp (dns then queries over TCP)
     * @throws IllegalArgumentException for another service or an invalid receive regex
     */
    public static CheckSpec of(String service, InetAddress address, int port, boolean tcp, Settings s,
                               Duration checkTimeout, Duration negotiateTimeout) {
        String request = Specs.stripSlash(s.request() == null ? "" : s.request());
        String receive = s.receive() == null ? "" : s.receive();
        return switch (service) {
            case "dns" -> new DnsCheck(address, port, tcp, request, receive, negotiateTimeout);
            case "radius" -> new RadiusCheck(address, port, s.secret(), s.login(), s.passwd(), checkTimeout);
            case "ldap", "ldaps" -> new LdapCheck(address, port, service.equals("ldaps"), s.login(), s.passwd(),
                    request, receive, checkTimeout);
            case "mysql" -> sql(SqlCheck.Engine.MYSQL, address, port, s, request, negotiateTimeout);
            case "pgsql" -> sql(SqlCheck.Engine.PGSQL, address, port, s, request, negotiateTimeout);
            case "oracle" -> sql(SqlCheck.Engine.ORACLE, address, port, s, request, negotiateTimeout);
            default -> throw new IllegalArgumentException("not a library check service: " + service);
        };
    }

    private static SqlCheck sql(SqlCheck.Engine engine, InetAddress address, int port, Settings s, String query,
                                Duration timeout) {
        return new SqlCheck(engine, address, port, s.database(), s.login(), s.passwd(), query, timeout);
    }
}
