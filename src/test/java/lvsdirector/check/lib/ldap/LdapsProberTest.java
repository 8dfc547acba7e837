package lvsdirector.check.lib.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.OnContext;
import lvsdirector.check.SelfSignedKeystore;
import lvsdirector.check.lib.BlockingRunner;
import lvsdirector.check.lib.LdapCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ldaps against an in-memory directory with a self-signed certificate: accepted unverified, like ldirectord. */
class LdapsProberTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static Vertx vertx;
    private static BlockingRunner runner;
    private static InMemoryDirectoryServer directory;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        vertx = Vertx.vertx();
        runner = new BlockingRunner(vertx);
        Path keystore = SelfSignedKeystore.create(dir);
        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(keystore.toFile(),
                SelfSignedKeystore.PASSWORD.toCharArray(), "PKCS12", null), null);
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=test");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps", LOOPBACK, 0,
                serverSsl.createSSLServerSocketFactory(), null));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=test", "objectClass: top", "objectClass: domain", "dc: example");
        directory.startListening();
    }

    @AfterAll
    static void stop() {
        directory.shutDown(true);
        runner.close();
        vertx.close().await();
    }

    private CheckResult probe(boolean ldaps) {
        LdapCheck check = new LdapCheck(LOOPBACK, directory.getListenPort(), ldaps, null, null, "dc=example,dc=test",
                "", Duration.ofSeconds(3));
        return OnContext.await(vertx, () -> new LdapProber(runner).probe(check));
    }

    @Test
    void selfSignedCertificateIsAccepted() {
        CheckResult result = probe(true);
        assertThat(result.success()).as(result.message()).isTrue();
    }

    @Test
    void plainLdapToATlsPortIsDown() {
        assertThat(probe(false).success()).isFalse();
    }
}
