package lvsdirector.director.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert delivered to a real SMTP server on loopback: Debian's aiosmtpd (an RFC 5321 server), storing
 * what it accepts in a Maildir. Proves the dialogue works with a server we did not write.
 */
class SmtpAlertRealServerIT {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @Test
    void aRealSmtpServerAcceptsTheAlertWithLdirectordsHeadersAndBody() throws Exception {
        RealParts.assume(aiosmtpdInstalled(), "Debian's python3-aiosmtpd (/usr/bin/python3 -m aiosmtpd)");
        int port = freePort();
        Path maildir = dir.resolve("Maildir");
        Process server = new ProcessBuilder(PYTHON, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port,
                "-c", "aiosmtpd.handlers.Mailbox", maildir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("aiosmtpd.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> accepts(port));
            new SmtpMailer(port, Duration.ofSeconds(10)).send(SmtpMailerTest.MAIL);

            Path message = await().atMost(Duration.ofSeconds(10)).until(() -> onlyMessage(maildir), m -> m != null);
            String text = Files.readString(message);
            assertThat(text).contains("From: \"LB\" <lb@example.org>")
                    .contains("To: ops@example.org")
                    .contains("Subject: [web] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)")
                    .contains("ldirectord host: lb1\nLog-Message: [web] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)\n"
                            + "Daemon-Status: running\n\nService name: web\n.dot line\n");
        } finally {
            server.destroy();
            if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static boolean aiosmtpdInstalled() {
        if (!new File(PYTHON).canExecute()) {
            return false;
        }
        try {
            return new ProcessBuilder(PYTHON, "-c", "import aiosmtpd").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path onlyMessage(Path maildir) throws IOException {
        Path fresh = maildir.resolve("new");
        if (!Files.isDirectory(fresh)) {
            return null;
        }
        try (Stream<Path> files = Files.list(fresh)) {
            List<Path> all = files.toList();
            return all.size() == 1 ? all.get(0) : null;
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
