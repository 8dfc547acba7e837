package lvsdirector.director.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Speaks SMTP to the relay itself, as ldirectord's Net::SMTP use does: EHLO localhost.localdomain (HELO
 * if refused), MAIL FROM, one RCPT TO with the emailalert value as written, DATA with From/To/Subject
 * headers and the body, QUIT. Any unexpected reply, I/O error or timeout fails the send.
 */
public final class SmtpMailer implements Mailer {
    public static final int DEFAULT_PORT = 25;
    static final String HELO_NAME = "localhost.localdomain";

    private final int port;
    private final Duration timeout;

    public SmtpMailer(Duration timeout) {
        this(DEFAULT_PORT, timeout);
    }

    /** @param port only tests use another port than 25 */
    SmtpMailer(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public void send(AlertMail mail) throws IOException {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(mail.smtp(), port), millis);
            socket.setSoTimeout(millis);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, 220, "greeting");
            if (command(out, in, "EHLO " + HELO_NAME) / 100 != 2) {
                expect(command(out, in, "HELO " + HELO_NAME), 250, "HELO");
            }
            expect(command(out, in, "MAIL FROM:<" + mail.envelopeFrom() + ">"), 250, "MAIL FROM");
            int rcpt = command(out, in, "RCPT TO:<" + mail.to() + ">");
            if (rcpt != 250 && rcpt != 251) {
                throw new IOException("RCPT TO refused: " + rcpt);
            }
            expect(command(out, in, "DATA"), 354, "DATA");
            write(out, content(mail) + ".\r\n");
            expect(in, 250, "end of data");
            command(out, in, "QUIT");
        }
    }

    /** Headers and body with CRLF line ends and leading dots doubled. */
    static String content(AlertMail mail) {
        String text = "From: " + mail.fromHeader() + "\n" + "To: " + mail.to() + "\n" + "Subject: " + mail.subject()
                + "\n\n" + mail.body();
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        }
        // the split leaves one empty piece after the final newline
        sb.setLength(sb.length() - (text.endsWith("\n") ? 2 : 0));
        return sb.toString();
    }

    private static int command(OutputStream out, BufferedReader in, String line) throws IOException {
        write(out, line + "\r\n");
        return reply(in);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void expect(BufferedReader in, int code, String step) throws IOException {
        expect(reply(in), code, step);
    }

    private static void expect(int got, int code, String step) throws IOException {
        if (got != code) {
            throw new IOException(step + ": expected " + code + ", got " + got);
        }
    }

    /** Reads a possibly multi-line reply ("250-...", "250 ...") and returns its code. */
    private static int reply(BufferedReader in) throws IOException {
        while (true) {
            String line = in.readLine();
            if (line == null || line.length() < 3) {
                throw new IOException("connection closed or malformed reply: " + line);
            }
            int code;
            try {
                code = Integer.parseInt(line.substring(0, 3));
            } catch (NumberFormatException e) {
                throw new IOException("malformed reply: " + line, e);
            }
            if (line.length() == 3 || line.charAt(3) != '-') {
                return code;
            }
        }
    }
}
