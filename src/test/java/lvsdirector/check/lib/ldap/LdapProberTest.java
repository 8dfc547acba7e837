package lvsdirector.check.lib.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.OnContext;
import lvsdirector.check.RawServer;
import lvsdirector.check.lib.BlockingRunner;
import lvsdirector.check.lib.LdapCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against UnboundID's in-memory directory on loopback (a fake; the real slapd is in LibraryProtocolChecksIT). */
class LdapProberTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static Vertx vertx;
    private static BlockingRunner runner;
    private static LdapProber prober;
    private static InMemoryDirectoryServer directory;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        runner = new BlockingRunner(vertx);
        prober = new LdapProber(runner);
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=test");
        config.addAdditionalBindCredentials("cn=admin,dc=example,dc=test", "secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", LOOPBACK, 0, null));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=test", "objectClass: top", "objectClass: domain", "dc: example");
        directory.add("dn: ou=people,dc=example,dc=test", "objectClass: top", "objectClass: organizationalUnit",
                "ou: people");
        directory.startListening();
    }

    @AfterAll
    static void stop() {
        directory.shutDown(true);
        runner.close();
        vertx.close().await();
    }

    private CheckResult probe(String login, String passwd, String base, String receive, int port, Duration timeout) {
        return OnContext.await(vertx, () -> prober.probe(new LdapCheck(LOOPBACK, port, false, login, passwd, base,
                receive, timeout)));
    }

    private CheckResult probe(String login, String passwd, String base, String receive) {
        return probe(login, passwd, base, receive, directory.getListenPort(), TIMEOUT);
    }

    @Test
    void anonymousBaseSearchOfAnExistingEntryIsUp() {
        CheckResult result = probe(null, null, "ou=people,dc=example,dc=test", "");
        assertThat(result.success()).as(result.message()).isTrue();
    }

    @Test
    void simpleBindWithRightCredentialsAndMatchingDnIsUp() {
        assertThat(probe("cn=admin,dc=example,dc=test", "secret", "dc=example,dc=test", "dc=example").success())
                .isTrue();
    }

    @Test
    void dnNotMatchingReceiveIsDown() {
        CheckResult result = probe(null, null, "dc=example,dc=test", "ou=nothere");
        assertThat(result.success()).isFalse();
        assertThat(result.reason()).isEqualTo(FailureReason.MISMATCH);
    }

    @Test
    void missingEntryIsDown() {
        assertThat(probe(null, null, "ou=ghosts,dc=example,dc=test", "").success()).isFalse();
    }

    @Test
    void wrongPasswordIsDown() {
        CheckResult result = probe("cn=admin,dc=example,dc=test", "wrong", "dc=example,dc=test", "");
        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("invalid credentials");
    }

    @Test
    void loginWithoutPasswordBindsAnonymously() {
        assertThat(probe("cn=admin,dc=example,dc=test", "", "dc=example,dc=test", "").success()).isTrue();
    }

    @Test
    void hangingServerFailsWithinTheTimeout() throws Exception {
        try (RawServer hanging = new RawServer(LOOPBACK, null)) {
            long start = System.nanoTime();
            CheckResult result = probe(null, null, "dc=example,dc=test", "", hanging.port(), Duration.ofMillis(500));
            assertThat(result.success()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450),
                    Duration.ofSeconds(4));
        }
    }
}
