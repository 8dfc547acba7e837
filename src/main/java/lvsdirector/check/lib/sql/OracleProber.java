package lvsdirector.check.lib.sql;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import lvsdirector.check.CheckResult;
import lvsdirector.check.ProbeFailures;
import lvsdirector.check.lib.BlockingRunner;
import lvsdirector.check.lib.SqlCheck;
import lvsdirector.support.InetAddrs;

/**
 * Runs oracle {@link SqlCheck}s with Oracle's thin JDBC driver on the shared bounded worker pool. The driver's
 * connect and read timeouts are set to the check timeout, and the hard deadline closes the connection.
 */
public final class OracleProber {
    private final BlockingRunner runner;

    public OracleProber(BlockingRunner runner) {
        this.runner = runner;
    }

    /** The thin-driver URL for ldirectord's DSN dbi:Oracle:sid=DATABASE;host=RIP;port=PORT. */
    static String url(SqlCheck check) {
        return "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=" + InetAddrs.numeric(check.address())
                + ")(PORT=" + check.port() + "))(CONNECT_DATA=(SID=" + check.database() + ")))";
    }

    public Future<CheckResult> probe(SqlCheck check) {
        if (!check.complete()) {
            return Future.succeededFuture(SqlResults.missingSettings(check));
        }
        return runner.<Connection>run(check.timeout(), publish -> {
            long start = System.nanoTime();
            long millis = Math.max(1, check.timeout().toMillis());
            Properties properties = new Properties();
            properties.setProperty("user", check.login());
            properties.setProperty("password", check.passwd());
            properties.setProperty("oracle.net.CONNECT_TIMEOUT", Long.toString(millis));
            properties.setProperty("oracle.jdbc.ReadTimeout", Long.toString(millis));
            try (Connection connection = DriverManager.getConnection(url(check), properties)) {
                publish.accept(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout((int) Math.max(1, check.timeout().toSeconds()));
                    try (ResultSet rows = statement.executeQuery(check.query())) {
                        return SqlResults.rows(check, rows.next() ? 1 : 0, start);
                    }
                }
            } catch (SQLException e) {
                return CheckResult.failed(ProbeFailures.reasonOf(e), "oracle "
                        + InetAddrs.hostPort(check.address(), check.port()) + ": " + ProbeFailures.describe(e),
                        ProbeFailures.since(start));
            }
        });
    }
}
