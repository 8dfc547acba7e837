package lvsdirector.check.lib.sql;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnectOptions;
import lvsdirector.check.CheckResult;
import lvsdirector.check.lib.Deadline;
import lvsdirector.check.lib.SqlCheck;
import lvsdirector.support.InetAddrs;

/**
 * Runs mysql and pgsql {@link SqlCheck}s on Vert.x's reactive clients: a one-connection client per probe
 * (ldirectord also connects afresh every time), closed after the query or when the deadline passes.
 */
public final class ReactiveSqlProber {
    private final Vertx vertx;

    public ReactiveSqlProber(Vertx vertx) {
        this.vertx = vertx;
    }

    public Future<CheckResult> probe(SqlCheck check) {
        if (!check.complete()) {
            return Future.succeededFuture(SqlResults.missingSettings(check));
        }
        long start = System.nanoTime();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, check.timeout().toMillis()));
        NetClientOptions net = new NetClientOptions().setConnectTimeout(millis).setIdleTimeout(millis)
                .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS);
        PoolOptions pool = new PoolOptions().setMaxSize(1);
        SqlClient client = switch (check.engine()) {
            case MYSQL -> MySQLBuilder.client(b -> b.with(pool).with(net)
                    .connectingTo(connectOptions(new MySQLConnectOptions(), check)).using(vertx));
            case PGSQL -> PgBuilder.client(b -> b.with(pool).with(net)
                    .connectingTo(connectOptions(new PgConnectOptions(), check)).using(vertx));
            case ORACLE -> throw new IllegalArgumentException("oracle checks run on the JDBC prober");
        };
        Future<CheckResult> verdict = client.query(check.query()).execute()
                .map(rows -> SqlResults.rows(check, rows.size(), start));
        return Deadline.race(vertx, check.timeout(), start, verdict, client::close)
                .andThen(ar -> client.close());
    }

    private static SqlConnectOptions connectOptions(SqlConnectOptions options, SqlCheck check) {
        options.setHost(InetAddrs.numeric(check.address()))
                .setPort(check.port())
                .setUser(check.login())
                .setPassword(check.passwd())
                .setReconnectAttempts(0);
        if (!check.database().isEmpty()) {
            options.setDatabase(check.database());
        }
        return options;
    }
}
