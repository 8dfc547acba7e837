package lvsdirector.check.lib.sql;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ProbeFailures;
import lvsdirector.check.lib.BlockingRunner;
import lvsdirector.check.lib.SqlCheck;
import lvsdirector.support.InetAddrs;

/**
 * Runs {@link SqlCheck}s: connect, run the query, count rows (ldirectord: up iff at least one), on the shared
 * bounded worker pool. Each driver is instantiated directly (no DriverManager lookup), so a missing driver is a
 * clear error rather than "no suitable driver".
 */
public final class JdbcProber {
    private final BlockingRunner runner;

    public JdbcProber(BlockingRunner runner) {
        this.runner = runner;
    }

    public Future<CheckResult> probe(SqlCheck check) {
        if (!check.complete()) {
            return Future.succeededFuture(CheckResult.failed(FailureReason.ERROR, check.missingSettingsMessage(),
                    java.time.Duration.ZERO));
        }
        String where = check.engine().name().toLowerCase(java.util.Locale.ROOT) + " "
                + InetAddrs.hostPort(check.address(), check.port());
        return runner.<Connection>run(check.timeout(), publish -> {
            long start = System.nanoTime();
            try (Connection connection = driver(check.engine()).connect(JdbcUrls.url(check),
                    JdbcUrls.properties(check))) {
                publish.accept(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout((int) Math.max(1, (check.timeout().toMillis() + 999) / 1000));
                    try (ResultSet rows = statement.executeQuery(check.query())) {
                        return rows.next()
                                ? CheckResult.ok(where + ": query returned a row", ProbeFailures.since(start))
                                : CheckResult.failed(FailureReason.MISMATCH, where + ": query returned no rows",
                                        ProbeFailures.since(start));
                    }
                }
            } catch (SQLException e) {
                return CheckResult.failed(reasonOf(e), where + ": " + ProbeFailures.describe(e),
                        ProbeFailures.since(start));
            }
        });
    }

    private static Driver driver(SqlCheck.Engine engine) throws SQLException {
        return switch (engine) {
            case MYSQL -> new org.mariadb.jdbc.Driver();
            case PGSQL -> new org.postgresql.Driver();
            case ORACLE -> new oracle.jdbc.OracleDriver();
        };
    }

    private static FailureReason reasonOf(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return FailureReason.BAD_RESPONSE; // invalid authorization
        }
        return ProbeFailures.reasonOf(e);
    }
}
