package lvsdirector.check.lib;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import lvsdirector.check.CheckSpec;

/**
 * Negotiate for service mysql, pgsql and oracle: log in to {@code database} as {@code login}/{@code passwd},
 * run {@code query}; up iff it returns at least one row. Without a login or a query the check is always down
 * with ldirectord's error text ({@link #missingSettingsMessage()}).
 *
 * @param database database name (mysql, pgsql) or SID (oracle); may be empty
 * @param query    the request without ldirectord's leading "/"
 * @param timeout  the whole exchange (ldirectord has none here; we use negotiatetimeout)
 */
public record SqlCheck(Engine engine, InetAddress address, int port, String database, String login, String passwd,
                       String query, Duration timeout) implements CheckSpec {

    public enum Engine { MYSQL, PGSQL, ORACLE }

    public SqlCheck {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(address, "address");
        database = Objects.requireNonNullElse(database, "");
        login = Objects.requireNonNullElse(login, "");
        passwd = Objects.requireNonNullElse(passwd, "");
        query = Objects.requireNonNullElse(query, "");
        Specs.requirePort(port);
        Specs.requirePositive(timeout);
    }

    /** ldirectord refuses the check without both. */
    public boolean complete() {
        return !login.isEmpty() && !query.isEmpty();
    }

    /** ldirectord's message for an incomplete check (it then treats the real as down). */
    public String missingSettingsMessage() {
        return "Error: Must specify a login and request string for MySQL, Oracle and PostgreSQL checks. Not adding "
                + address.getHostAddress() + ".";
    }

    @Override
    public String toString() {
        return "SqlCheck[" + engine + " " + address.getHostAddress() + ":" + port + ", database=" + database
                + ", login=" + login + ", query=" + query + ", timeout=" + timeout + "]";
    }
}
