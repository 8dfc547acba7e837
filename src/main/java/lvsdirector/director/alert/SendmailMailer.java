package lvsdirector.director.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Hands the alert to the local mailer: {@code <sendmail> -t} with the headers and body on stdin. */
public final class SendmailMailer implements Mailer {
    public static final Path DEFAULT_PATH = Path.of("/usr/sbin/sendmail");

    private final Path sendmail;
    private final Duration timeout;

    public SendmailMailer(Path sendmail, Duration timeout) {
        this.sendmail = sendmail;
        this.timeout = timeout;
    }

    public boolean available() {
        return Files.isExecutable(sendmail);
    }

    @Override
    public void send(AlertMail mail) throws IOException {
        if (!available()) {
            throw new IOException(sendmail + " is not executable");
        }
        Process p = new ProcessBuilder(sendmail.toString(), "-t").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String text = "From: " + mail.fromHeader() + "\nTo: " + mail.to() + "\nSubject: " + mail.subject() + "\n\n"
                + mail.body();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(sendmail + " timed out");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(sendmail + " exited with " + p.exitValue());
        }
    }
}
