package lvsdirector.check.lib.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.OnContext;
import lvsdirector.check.RawServer;
import lvsdirector.check.lib.BlockingRunner;
import lvsdirector.check.lib.SqlCheck;
import lvsdirector.check.lib.SqlCheck.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The failure paths against loopback fakes; the passing paths run against real servers in LibraryProtocolChecksIT. */
class JdbcProberTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static Vertx vertx;
    private static BlockingRunner runner;
    private static JdbcProber prober;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        runner = new BlockingRunner(vertx);
        prober = new JdbcProber(runner);
    }

    @AfterAll
    static void stop() {
        runner.close();
        vertx.close().await();
    }

    private CheckResult probe(SqlCheck check) {
        return OnContext.await(vertx, () -> prober.probe(check));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void missingLoginIsDownWithLdirectordsMessageAndNoTraffic(Engine engine) {
        CheckResult result = probe(new SqlCheck(engine, LOOPBACK, 1, "db", "", "pw", "SELECT 1", Duration.ofSeconds(1)));
        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("Error: Must specify a login and request string");
        assertThat(result.latency()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusedConnectionIsDownQuickly(Engine engine) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = socket.getLocalPort();
        }
        CheckResult result = probe(new SqlCheck(engine, LOOPBACK, closedPort, "db", "u", "pw", "SELECT 1",
                Duration.ofSeconds(5)));
        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith(engine.name().toLowerCase() + " 127.0.0.1:" + closedPort + ": ");
        assertThat(result.latency()).isLessThan(Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hangingServerFailsByTheDeadline(Engine engine) throws Exception {
        try (RawServer hanging = new RawServer(LOOPBACK, null)) {
            long start = System.nanoTime();
            CheckResult result = probe(new SqlCheck(engine, LOOPBACK, hanging.port(), "db", "u", "pw", "SELECT 1",
                    Duration.ofMillis(600)));
            assertThat(result.success()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(550),
                    Duration.ofSeconds(4));
        }
    }

    @Test
    void urlsFollowLdirectordsDsns() {
        InetAddress v6 = address("fd00::2");
        assertThat(JdbcUrls.url(new SqlCheck(Engine.MYSQL, LOOPBACK, 3306, "lvs", "u", "p", "q", Duration.ofSeconds(1))))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/lvs");
        assertThat(JdbcUrls.url(new SqlCheck(Engine.PGSQL, v6, 5432, "lvs", "u", "p", "q", Duration.ofSeconds(1))))
                .isEqualTo("jdbc:postgresql://[fd00::2]:5432/lvs");
        assertThat(JdbcUrls.url(new SqlCheck(Engine.ORACLE, LOOPBACK, 1521, "XE", "u", "p", "q", Duration.ofSeconds(1))))
                .contains("(HOST=127.0.0.1)(PORT=1521)").contains("(SID=XE)");
    }

    @Test
    void driverTimeoutsFollowTheCheckTimeout() {
        SqlCheck check = new SqlCheck(Engine.MYSQL, LOOPBACK, 3306, "lvs", "u", "p", "q", Duration.ofMillis(1500));
        assertThat(JdbcUrls.properties(check)).containsEntry("connectTimeout", "1500")
                .containsEntry("socketTimeout", "1500").containsEntry("user", "u");
        SqlCheck pg = new SqlCheck(Engine.PGSQL, LOOPBACK, 5432, "lvs", "u", "p", "q", Duration.ofMillis(1500));
        assertThat(JdbcUrls.properties(pg)).containsEntry("connectTimeout", "2").containsEntry("socketTimeout", "2");
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
