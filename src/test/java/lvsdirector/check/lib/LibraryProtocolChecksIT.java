package lvsdirector.check.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.OnContext;
import lvsdirector.check.PingCheck;
import lvsdirector.check.RawServer;
import lvsdirector.check.connect.PingProber;
import lvsdirector.check.lib.SqlCheck.Engine;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library negotiate checks and ping against Debian's real servers, each started by the test on 127.0.0.1
 * with a private configuration and data directory, and stopped afterwards. Oracle has no free server to run, so
 * only its failure paths (refused, hanging, incomplete settings) are tested.
 */
class LibraryProtocolChecksIT {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration SHORT = Duration.ofMillis(800);
    static Vertx vertx;
    static LibraryProbers probers;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        RealParts.assume(RealParts.isRoot(), "root (the servers' private instances and runuser for postgres)");
        RealParts.assume(RealServers.installed(), "Debian servers: " + RealServers.missing());
        vertx = Vertx.vertx();
        probers = new LibraryProbers(vertx);
        dir = Files.createTempDirectory("lvs-proto-lib", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (probers != null) {
            probers.close();
            vertx.close().await();
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static CheckResult probe(CheckSpec spec) {
        return OnContext.await(vertx, () -> probers.probe(spec));
    }

    /** A hanging server (accepts, never answers) must fail the check by the deadline, not much later. */
    static void assertFailsInTime(CheckSpec spec) {
        long start = System.nanoTime();
        CheckResult result = probe(spec);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.success()).as(result.message()).isFalse();
        assertThat(took).isBetween(spec.timeout().minusMillis(50), spec.timeout().plusSeconds(3));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Dns {
        ServerProcess server;
        int port;

        @BeforeAll
        void start() throws Exception {
            port = ServerProcess.freePort();
            server = RealServers.dnsmasq(RealServers.privateDir(dir, "dns"), port);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @ParameterizedTest(name = "tcp={0}")
        @ValueSource(booleans = {false, true})
        void addressAndReverseLookupsMatch(boolean tcp) {
            assertThat(probe(new DnsCheck(LOOPBACK, port, tcp, "www.example.test", "^10\\.1\\.2\\.3$", TIMEOUT))
                    .success()).isTrue();
            assertThat(probe(new DnsCheck(LOOPBACK, port, tcp, "10.1.2.3", "host\\.example\\.test", TIMEOUT))
                    .success()).isTrue();
        }

        @ParameterizedTest(name = "tcp={0}")
        @ValueSource(booleans = {false, true})
        void wrongAnswerIsDown(boolean tcp) {
            CheckResult result = probe(new DnsCheck(LOOPBACK, port, tcp, "www.example.test", "10\\.9\\.9\\.9", TIMEOUT));
            assertThat(result.success()).isFalse();
            assertThat(result.reason()).isEqualTo(FailureReason.MISMATCH);
            assertThat(probe(new DnsCheck(LOOPBACK, port, tcp, "www.example.test", "", TIMEOUT)).success()).isFalse();
        }

        @Test
        void hangingServersFailInTime() throws Exception {
            try (RawServer tcp = new RawServer(LOOPBACK, null); DatagramSocket udp = new DatagramSocket(0, LOOPBACK)) {
                assertFailsInTime(new DnsCheck(LOOPBACK, tcp.port(), true, "www.example.test", ".", SHORT));
                assertFailsInTime(new DnsCheck(LOOPBACK, udp.getLocalPort(), false, "www.example.test", ".", SHORT));
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Radius {
        ServerProcess server;
        int port;

        @BeforeAll
        void start() throws Exception {
            port = ServerProcess.freePort();
            server = RealServers.freeradius(RealServers.privateDir(dir, "radius"), port);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void acceptIsUp() {
            CheckResult result = probe(new RadiusCheck(LOOPBACK, port, "testing123", "alice", "wonderland", TIMEOUT));
            assertThat(result.success()).as(result.message() + "\n" + server.logText()).isTrue();
        }

        @Test
        void wrongPasswordIsRejected() {
            CheckResult result = probe(new RadiusCheck(LOOPBACK, port, "testing123", "alice", "queen", TIMEOUT));
            assertThat(result.success()).isFalse();
            assertThat(result.message()).startsWith("Access-Reject");
        }

        @Test
        void wrongSecretNeverVerifies() {
            // the server's reply is signed with its secret; ours cannot verify it, so the check times out down
            CheckResult result = probe(new RadiusCheck(LOOPBACK, port, "not-the-secret", "alice", "wonderland", SHORT));
            assertThat(result.success()).isFalse();
        }

        @Test
        void silentServerFailsInTime() throws Exception {
            try (DatagramSocket udp = new DatagramSocket(0, LOOPBACK)) {
                assertFailsInTime(new RadiusCheck(LOOPBACK, udp.getLocalPort(), "testing123", "alice", "wonderland",
                        SHORT));
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Ldap {
        ServerProcess server;
        int port;

        @BeforeAll
        void start() throws Exception {
            port = ServerProcess.freePort();
            server = RealServers.slapd(RealServers.privateDir(dir, "ldap"), port);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        LdapCheck check(String login, String passwd, String base, String receive, int port, Duration timeout) {
            return new LdapCheck(LOOPBACK, port, false, login, passwd, base, receive, timeout);
        }

        @Test
        void anonymousAndBoundSearchesOfOneEntryAreUp() {
            assertThat(probe(check(null, null, "ou=people,dc=example,dc=test", "", port, TIMEOUT)).success()).isTrue();
            assertThat(probe(check("cn=admin,dc=example,dc=test", "secret", "dc=example,dc=test", "^dc=example",
                    port, TIMEOUT)).success()).isTrue();
        }

        @Test
        void wrongAnswerIsDown() {
            assertThat(probe(check(null, null, "dc=example,dc=test", "ou=people", port, TIMEOUT)).success()).isFalse();
            assertThat(probe(check(null, null, "ou=nobody,dc=example,dc=test", "", port, TIMEOUT)).success()).isFalse();
        }

        @Test
        void wrongCredentialsAreDown() {
            CheckResult result = probe(check("cn=admin,dc=example,dc=test", "wrong", "dc=example,dc=test", "", port,
                    TIMEOUT));
            assertThat(result.success()).isFalse();
            assertThat(result.message()).containsIgnoringCase("invalid credentials");
        }

        @Test
        void hangingServerFailsInTime() throws Exception {
            try (RawServer hanging = new RawServer(LOOPBACK, null)) {
                assertFailsInTime(check(null, null, "dc=example,dc=test", "", hanging.port(), SHORT));
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Databases {
        ServerProcess mariadb;
        ServerProcess postgres;
        int mysqlPort;
        int pgPort;

        @BeforeAll
        void start() throws Exception {
            mysqlPort = ServerProcess.freePort();
            mariadb = RealServers.mariadb(RealServers.privateDir(dir, "mysql"), mysqlPort);
            pgPort = ServerProcess.freePort();
            postgres = RealServers.postgres(RealServers.privateDir(dir, "pgsql"), pgPort);
        }

        @AfterAll
        void stop() {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } finally {
                if (mariadb != null) {
                    mariadb.close();
                }
            }
        }

        int port(Engine engine) {
            return engine == Engine.MYSQL ? mysqlPort : pgPort;
        }

        SqlCheck check(Engine engine, String passwd, String query) {
            return new SqlCheck(engine, LOOPBACK, port(engine), "lvs", "checker", passwd, query, TIMEOUT);
        }

        @ParameterizedTest
        @EnumSource(value = Engine.class, names = {"MYSQL", "PGSQL"})
        void queryReturningARowIsUp(Engine engine) {
            CheckResult result = probe(check(engine, "pw", "SELECT id FROM alive"));
            assertThat(result.success()).as(result.message()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = Engine.class, names = {"MYSQL", "PGSQL"})
        void queryReturningNoRowsOrFailingIsDown(Engine engine) {
            CheckResult empty = probe(check(engine, "pw", "SELECT id FROM empty"));
            assertThat(empty.success()).isFalse();
            assertThat(empty.message()).contains("no rows");
            assertThat(probe(check(engine, "pw", "SELECT id FROM no_such_table")).success()).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = Engine.class, names = {"MYSQL", "PGSQL"})
        void wrongCredentialsAreDown(Engine engine) {
            CheckResult result = probe(check(engine, "wrong", "SELECT id FROM alive"));
            assertThat(result.success()).isFalse();
            assertThat(result.reason()).isNotEqualTo(FailureReason.TIMEOUT);
        }

        @ParameterizedTest
        @EnumSource(Engine.class)
        void missingLoginOrRequestIsDownWithLdirectordsMessage(Engine engine) {
            CheckResult result = probe(new SqlCheck(engine, LOOPBACK, 1, "lvs", "", "pw", "SELECT 1", TIMEOUT));
            assertThat(result.success()).isFalse();
            assertThat(result.message()).isEqualTo("Error: Must specify a login and request string for MySQL, Oracle"
                    + " and PostgreSQL checks. Not adding 127.0.0.1.");
            assertThat(probe(new SqlCheck(engine, LOOPBACK, 1, "lvs", "checker", "pw", "", TIMEOUT)).success())
                    .isFalse();
        }

        @ParameterizedTest
        @EnumSource(Engine.class)
        void hangingServerFailsInTime(Engine engine) throws Exception {
            try (RawServer hanging = new RawServer(LOOPBACK, null)) {
                assertFailsInTime(new SqlCheck(engine, LOOPBACK, hanging.port(), "lvs", "checker", "pw", "SELECT 1",
                        SHORT));
            }
        }

        @Test
        void oracleRefusedIsDown() throws Exception {
            int closed = ServerProcess.freePort();
            CheckResult result = probe(new SqlCheck(Engine.ORACLE, LOOPBACK, closed, "XE", "checker", "pw",
                    "SELECT 1 FROM dual", TIMEOUT));
            assertThat(result.success()).isFalse();
            assertThat(result.message()).startsWith("oracle 127.0.0.1:" + closed);
        }
    }

    @Nested
    class Ping {
        @ParameterizedTest
        @ValueSource(strings = {"127.0.0.1", "::1"})
        void loopbackAnswers(String address) throws Exception {
            try (PingProber ping = new PingProber(vertx)) {
                PingCheck check = new PingCheck(InetAddress.getByName(address), 0, Duration.ofSeconds(2), 3);
                CheckResult result = OnContext.await(vertx, () -> ping.probe(check));
                assertThat(result.success()).as(result.message()).isTrue();
                assertThat(result.latency()).isLessThan(Duration.ofSeconds(2));
            }
        }
    }
}
