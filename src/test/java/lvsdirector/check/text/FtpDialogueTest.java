package lvsdirector.check.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ftp conversation against a scripted server with a real passive data connection. */
@Timeout(30)
class FtpDialogueTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int LIMIT = 1000;
    private static final TextProbes PROBES = new TextProbes(LIMIT);

    @AfterAll
    static void stop() {
        PROBES.close();
    }

    /** Plays a well-behaved FTP server up to RETR, then answers RETR with {@code retrReply} and the content. */
    private static ScriptedServer server(String passReply, String retrReply, byte[] content) throws IOException {
        return new ScriptedServer(c -> {
            try (ServerSocket data = new ServerSocket(0, 1, LOOPBACK)) {
                int port = data.getLocalPort();
                c.send("220 (scripted FTP)\r\n").answer("331 Please specify the password.\r\n").answer(passReply);
                if (!passReply.startsWith("230")) {
                    c.hang();
                    return;
                }
                c.answer("250 Directory successfully changed.\r\n").answer("200 Switching to Binary mode.\r\n")
                        .answer("227 Entering Passive Mode (10,1,2,3," + port / 256 + "," + port % 256 + ").\r\n");
                try (Socket transfer = data.accept()) {
                    c.answer(retrReply);
                    if (retrReply.startsWith("150")) {
                        OutputStream out = transfer.getOutputStream();
                        try {
                            out.write(content);
                        } catch (IOException e) {
                            return; // the client stopped reading at its limit
                        }
                        transfer.close();
                        c.send("226 Transfer complete.\r\n");
                    }
                }
                c.line();
            }
        });
    }

    private static FtpCheck check(ScriptedServer server, String login, String receive) {
        return new FtpCheck(LOOPBACK, server.port(), login, "pw", "/alive.txt", receive, TIMEOUT);
    }

    @Test
    void upWhenTheFileMatchesReceive() throws Exception {
        try (ScriptedServer server = server("230 Login successful.\r\n", "150 Opening BINARY mode.\r\n",
                "status: alive\n".getBytes(StandardCharsets.US_ASCII))) {
            CheckResult r = PROBES.probe(check(server, "bob", "alive"));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("FTP fetched /alive.txt (14 bytes), content matches");
            // the data connection went to the real's own address, not 10.1.2.3 from the PASV reply
            await().untilAsserted(() -> assertThat(server.received()).containsExactly("USER bob", "PASS pw",
                    "CWD /", "TYPE I", "PASV", "RETR /alive.txt", "QUIT"));
        }
    }

    @Test
    void emptyLoginIsAnonymous() throws Exception {
        try (ScriptedServer server = server("230 Login successful.\r\n", "150 ok\r\n", new byte[0])) {
            CheckResult r = PROBES.probe(new FtpCheck(LOOPBACK, server.port(), "", "", "/alive.txt", "", TIMEOUT));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(server.received()).startsWith("USER anonymous", "PASS -anonymous@");
        }
    }

    @Test
    void downWhenTheContentDoesNotMatch() throws Exception {
        try (ScriptedServer server = server("230 ok\r\n", "150 ok\r\n", "status: dead\n".getBytes())) {
            CheckResult r = PROBES.probe(check(server, "bob", "alive"));
            assertThat(r.success()).isFalse();
            assertThat(r.reason()).isEqualTo(FailureReason.MISMATCH);
            assertThat(r.message()).isEqualTo("FTP content of /alive.txt does not match receive: status: dead?");
        }
    }

    @Test
    void emptyReceiveTakesAnyCompletedDownload() throws Exception {
        try (ScriptedServer server = server("230 ok\r\n", "150 ok\r\n", "anything".getBytes())) {
            CheckResult r = PROBES.probe(check(server, "bob", ""));
            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("FTP fetched /alive.txt (8 bytes)");
        }
    }

    @Test
    void downOnWrongCredentials() throws Exception {
        try (ScriptedServer server = server("530 Login incorrect.\r\n", "", new byte[0])) {
            CheckResult r = PROBES.probe(check(server, "bob", ""));
            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("FTP login failed: 530 Login incorrect.");
        }
    }

    @Test
    void downWhenTheFileIsMissing() throws Exception {
        try (ScriptedServer server = server("230 ok\r\n", "550 Failed to open file.\r\n", new byte[0])) {
            CheckResult r = PROBES.probe(check(server, "bob", ""));
            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("FTP refused RETR /alive.txt: 550 Failed to open file.");
        }
    }

    @Test
    void aHugeFileIsMatchedOnItsFirstBytesOnly() throws Exception {
        byte[] huge = new byte[8 << 20];
        java.util.Arrays.fill(huge, (byte) 'x');
        System.arraycopy("MARK".getBytes(), 0, huge, 10, 4);
        System.arraycopy("LATE".getBytes(), 0, huge, 5000, 4);
        try (ScriptedServer early = server("230 ok\r\n", "150 ok\r\n", huge);
             ScriptedServer late = server("230 ok\r\n", "150 ok\r\n", huge)) {
            CheckResult up = PROBES.probe(check(early, "bob", "MARK"));
            assertThat(up.success()).as(up.message()).isTrue();
            assertThat(up.message()).isEqualTo("FTP fetched /alive.txt (" + LIMIT + "+ bytes), content matches");
            CheckResult down = PROBES.probe(check(late, "bob", "LATE"));
            assertThat(down.success()).isFalse();
            assertThat(down.reason()).isEqualTo(FailureReason.MISMATCH);
            assertThat(down.latency()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void downWhenPassiveModeIsRefused() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.send("220 hi\r\n").answer("230 in\r\n")
                .answer("250 ok\r\n").answer("200 ok\r\n").answer("502 no passive here\r\n").hang())) {
            CheckResult r = PROBES.probe(check(server, "bob", ""));
            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("FTP refused passive mode: 502 no passive here");
        }
    }

    @Test
    void anEmptyRequestIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new FtpCheck(LOOPBACK, 21, "", "", "", "", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
