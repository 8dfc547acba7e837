package lvsdirector.director.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SmtpMailerTest {
    static final AlertMail MAIL = new AlertMail("ops@example.org", "\"LB\" <lb@example.org>", "root@lb1",
            "[web] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)",
            "ldirectord host: lb1\nLog-Message: [web] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)\n"
                    + "Daemon-Status: running\n\nService name: web\n.dot line\n", "127.0.0.1");

    @Test
    void speaksTheExactDialogue() throws IOException {
        try (SmtpListener server = new SmtpListener(250)) {
            new SmtpMailer(server.port(), Duration.ofSeconds(5)).send(MAIL);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.received.contains("QUIT"));
            assertThat(server.received).containsExactly(
                    "EHLO localhost.localdomain",
                    "MAIL FROM:<root@lb1>",
                    "RCPT TO:<ops@example.org>",
                    "DATA",
                    "From: \"LB\" <lb@example.org>",
                    "To: ops@example.org",
                    "Subject: [web] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)",
                    "",
                    "ldirectord host: lb1",
                    "Log-Message: [web] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)",
                    "Daemon-Status: running",
                    "",
                    "Service name: web",
                    "..dot line",
                    ".",
                    "QUIT");
        }
    }

    @Test
    void refusedRecipientFailsTheSend() throws IOException {
        try (SmtpListener server = new SmtpListener(550)) {
            assertThatThrownBy(() -> new SmtpMailer(server.port(), Duration.ofSeconds(5)).send(MAIL))
                    .isInstanceOf(IOException.class).hasMessageContaining("RCPT TO refused: 550");
        }
    }

    @Test
    void nothingListeningFailsQuickly() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> new SmtpMailer(port, Duration.ofSeconds(2)).send(MAIL)).isInstanceOf(IOException.class);
    }
}
