package lvsdirector.check.text;

import io.vertx.core.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the numbered replies of SMTP and FTP, and showing server text safely in messages. */
final class Replies {
    /** Longest piece of server text quoted in a message. */
    static final int QUOTE_LIMIT = 200;
    private static final Pattern CODED = Pattern.compile("^([0-9]{3})([ -]|$)");

    private Replies() {}

    /** A numbered reply: its code and first line (the rest of a multi-line reply is read and dropped). */
    record Coded(int code, String firstLine) {
        boolean positive() {
            return code >= 200 && code < 300;
        }

        boolean preliminary() {
            return code >= 100 && code < 200;
        }

        @Override
        public String toString() {
            return quote(firstLine);
        }
    }

    /**
     * One SMTP/FTP reply. A multi-line reply ("250-...") ends at the line starting with the same code and a
     * space (RFC 959; also right for SMTP, where every line carries the code).
     */
    static Future<Coded> readCoded(LineChannel channel, String what) {
        return channel.readLine().compose(first -> {
            if (first == null) {
                return Future.failedFuture(closedBefore(what));
            }
            Matcher m = CODED.matcher(first);
            if (!m.find()) {
                return Future.failedFuture(TextFailure.badResponse("not a numbered reply to " + what + ": "
                        + quote(first)));
            }
            Coded reply = new Coded(Integer.parseInt(m.group(1)), first);
            if (!"-".equals(m.group(2))) {
                return Future.succeededFuture(reply);
            }
            String last = m.group(1) + " ";
            return channel.readLineMatching(line -> line.startsWith(last)).compose(end -> end == null
                    ? Future.failedFuture(closedBefore(what)) : Future.succeededFuture(reply));
        });
    }

    static Future<String> requireLine(String line, String what) {
        return line == null ? Future.failedFuture(closedBefore(what)) : Future.succeededFuture(line);
    }

    static TextFailure closedBefore(String what) {
        return TextFailure.badResponse("connection closed before " + what);
    }

    /** Server text for a log line: control characters as '?', cut to {@value #QUOTE_LIMIT} characters. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), QUOTE_LIMIT + 3));
        for (int i = 0; i < text.length() && i < QUOTE_LIMIT; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > QUOTE_LIMIT) {
            out.append("...");
        }
        return out.toString();
    }
}
