package lvsdirector.check.lib.sql;

import java.net.Inet6Address;
import java.util.Properties;
import lvsdirector.check.lib.SqlCheck;
import lvsdirector.support.InetAddrs;

/** The JDBC URL and connection properties for ldirectord's DBI DSN of each engine, timeouts included. */
final class JdbcUrls {
    private JdbcUrls() {}

    /**
     * dbi:mysql:database=D;host=H;port=P, dbi:Pg:dbname=D;host=H;port=P and dbi:Oracle:sid=D;host=H;port=P as
     * JDBC URLs.
     */
    static String url(SqlCheck check) {
        String host = check.address() instanceof Inet6Address ? InetAddrs.bracketed(check.address())
                : InetAddrs.numeric(check.address());
        return switch (check.engine()) {
            case MYSQL -> "jdbc:mariadb://" + host + ":" + check.port() + "/" + check.database();
            case PGSQL -> "jdbc:postgresql://" + host + ":" + check.port() + "/" + check.database();
            case ORACLE -> "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST="
                    + InetAddrs.numeric(check.address()) + ")(PORT=" + check.port() + "))(CONNECT_DATA=(SID="
                    + check.database() + ")))";
        };
    }

    static Properties properties(SqlCheck check) {
        long millis = Math.max(1, check.timeout().toMillis());
        long seconds = Math.max(1, (millis + 999) / 1000);
        Properties p = new Properties();
        p.setProperty("user", check.login());
        p.setProperty("password", check.passwd());
        switch (check.engine()) {
            case MYSQL -> {
                p.setProperty("connectTimeout", Long.toString(millis));
                p.setProperty("socketTimeout", Long.toString(millis));
            }
            case PGSQL -> {
                p.setProperty("connectTimeout", Long.toString(seconds));
                p.setProperty("socketTimeout", Long.toString(seconds));
                p.setProperty("loginTimeout", Long.toString(seconds));
                if (check.database().isEmpty()) {
                    // PgJDBC would otherwise fall back to a database named like the user, as libpq does
                    p.setProperty("PGDBNAME", check.login());
                }
            }
            case ORACLE -> {
                p.setProperty("oracle.net.CONNECT_TIMEOUT", Long.toString(millis));
                p.setProperty("oracle.jdbc.ReadTimeout", Long.toString(millis));
            }
        }
        return p;
    }
}
