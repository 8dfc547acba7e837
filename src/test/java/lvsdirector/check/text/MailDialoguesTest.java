package lvsdirector.check.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.FileInputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.SelfSignedKeystore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** smtp, pop and imap conversations against scripted loopback servers. */
@Timeout(30)
class MailDialoguesTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final TextProbes PROBES = new TextProbes();

    @AfterAll
    static void stop() {
        PROBES.close();
    }

    private static CheckResult smtp(ScriptedServer server) {
        return PROBES.probe(new SmtpCheck(LOOPBACK, server.port(), TIMEOUT));
    }

    @Test
    void smtpUpAfterBannerAndEhloThenQuits() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.send("220-mx.test ESMTP\r\n220 second banner line\r\n")
                    .answer("250-mx.test Hello\r\n250-PIPELINING\r\n250 HELP\r\n").line();
        })) {
            CheckResult r = smtp(server);
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("SMTP 250-mx.test Hello");
            await().untilAsserted(() -> assertThat(server.received())
                    .containsExactly("EHLO localhost.localdomain", "QUIT"));
        }
    }

    @Test
    void smtpFallsBackToHeloWhenEhloIsRefused() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("220 old ESMTP\r\n")
                .answer("502 command not implemented\r\n").answer("250 old.test\r\n").line())) {
            CheckResult r = smtp(server);
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(server.received()).startsWith("EHLO localhost.localdomain", "HELO localhost.localdomain");
        }
    }

    @Test
    void smtpDownOnA5xxBanner() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("554 no service for you\r\n").hang())) {
            CheckResult r = smtp(server);
            assertThat(r.success()).isFalse();
            assertThat(r.reason()).isEqualTo(FailureReason.BAD_RESPONSE);
            assertThat(r.message()).isEqualTo("SMTP banner is not 2xx: 554 no service for you");
        }
    }

    @Test
    void smtpDownWhenEhloAndHeloAreRefused() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("220 ok\r\n").answer("550 no\r\n")
                .answer("550 still no\r\n").hang())) {
            CheckResult r = smtp(server);
            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("SMTP server refused EHLO and HELO: 550 still no");
        }
    }

    @Test
    void smtpDownOnAnUnnumberedBanner() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("hello there\r\n").hang())) {
            CheckResult r = smtp(server);
            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("not a numbered reply to the SMTP banner: hello there");
        }
    }

    @Test
    void smtpDownWhenTheServerClosesMidReply() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("220-first line\r\n"))) {
            CheckResult r = smtp(server);
            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("connection closed before the SMTP banner");
        }
    }

    @Test
    void popWithoutLoginNeedsAnOkGreeting() throws Exception {
        try (ScriptedServer good = new ScriptedServer(c -> c.send("+OK ready\r\n").line());
             ScriptedServer bad = new ScriptedServer(c -> c.send("-ERR busy\r\n").hang())) {
            CheckResult up = PROBES.probe(new PopCheck(LOOPBACK, good.port(), false, "", "", TIMEOUT));
            assertThat(up.success()).as(up.message()).isTrue();
            assertThat(up.message()).isEqualTo("POP3 +OK ready");
            CheckResult down = PROBES.probe(new PopCheck(LOOPBACK, bad.port(), false, "", "", TIMEOUT));
            assertThat(down.success()).isFalse();
            assertThat(down.message()).isEqualTo("POP3 greeting is not +OK: -ERR busy");
        }
    }

    @Test
    void popLoginSendsUserAndPass() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("+OK ready\r\n").answer("+OK\r\n")
                .answer("+OK Logged in.\r\n").line())) {
            CheckResult r = PROBES.probe(new PopCheck(LOOPBACK, server.port(), false, "bob", "s3cret", TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
            await().untilAsserted(() -> assertThat(server.received()).containsExactly("USER bob", "PASS s3cret",
                    "QUIT"));
        }
    }

    @Test
    void popDownOnRejectedPassword() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("+OK ready\r\n").answer("+OK\r\n")
                .answer("-ERR [AUTH] Authentication failed.\r\n").hang())) {
            CheckResult r = PROBES.probe(new PopCheck(LOOPBACK, server.port(), false, "bob", "wrong", TIMEOUT));
            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("POP3 login failed at PASS: -ERR [AUTH] Authentication failed.");
        }
    }

    @Test
    void imapLoginSkipsUntaggedLinesAndQuotes() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("* OK IMAP4rev1 ready\r\n")
                .answer("* CAPABILITY IMAP4rev1\r\na1 OK Logged in\r\n").line())) {
            CheckResult r = PROBES.probe(new ImapCheck(LOOPBACK, server.port(), false, "bob", "p\"w\\d", TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("IMAP a1 OK Logged in");
            await().untilAsserted(() -> assertThat(server.received())
                    .containsExactly("a1 LOGIN \"bob\" \"p\\\"w\\\\d\"", "a2 LOGOUT"));
        }
    }

    @Test
    void imapDownOnByeGreetingOrRejectedLogin() throws Exception {
        try (ScriptedServer bye = new ScriptedServer(c -> c.send("* BYE too many connections\r\n").hang());
             ScriptedServer no = new ScriptedServer(c -> c.send("* OK ready\r\n")
                     .answer("a1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n").hang())) {
            CheckResult r1 = PROBES.probe(new ImapCheck(LOOPBACK, bye.port(), false, "", "", TIMEOUT));
            assertThat(r1.success()).isFalse();
            assertThat(r1.message()).isEqualTo("IMAP greeting is not * OK: * BYE too many connections");
            CheckResult r2 = PROBES.probe(new ImapCheck(LOOPBACK, no.port(), false, "bob", "x", TIMEOUT));
            assertThat(r2.success()).isFalse();
            assertThat(r2.message()).isEqualTo("IMAP login failed: a1 NO [AUTHENTICATIONFAILED] Authentication failed.");
        }
    }

    @Test
    void popsAndImapsSpeakTlsWithoutVerifyingTheCertificate(@TempDir Path dir) throws Exception {
        Path keystore = SelfSignedKeystore.create(dir);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, SelfSignedKeystore.PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, SelfSignedKeystore.PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        try (ScriptedServer pops = new ScriptedServer(tls.getServerSocketFactory(), LOOPBACK,
                c -> c.send("+OK tls ready\r\n").answer("+OK\r\n").answer("+OK in\r\n").line());
             ScriptedServer imaps = new ScriptedServer(tls.getServerSocketFactory(), LOOPBACK,
                     c -> c.send("* OK tls ready\r\n").line())) {
            CheckResult r1 = PROBES.probe(new PopCheck(LOOPBACK, pops.port(), true, "bob", "pw", TIMEOUT));
            assertThat(r1.success()).as(r1.message()).isTrue();
            CheckResult r2 = PROBES.probe(new ImapCheck(LOOPBACK, imaps.port(), true, "", "", TIMEOUT));
            assertThat(r2.success()).as(r2.message()).isTrue();
            // a plain-text client against the TLS port gets no greeting it understands
            CheckResult r3 = PROBES.probe(new ImapCheck(LOOPBACK, imaps.port(), false, "", "", Duration.ofMillis(500)));
            assertThat(r3.success()).isFalse();
        }
    }

    @Test
    void credentialsWithLineBreaksAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new PopCheck(LOOPBACK, 110, false, "bob\r\nDELE 1", "x", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("login must not contain a line break");
    }
}
