package lvsdirector.check.text;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A receive regex, searched unanchored. Perl matches the config file's bytes against the reply's bytes;
 * decoding both as ISO-8859-1 (one char per byte) gives the same answer for UTF-8 text on either side.
 */
final class Receive {
    private Receive() {}

    /** The regex, or an IllegalArgumentException naming the problem. */
    static Pattern compile(String receive) {
        try {
            return Pattern.compile(new String(receive.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid receive regex: " + e.getDescription(), e);
        }
    }

    static boolean found(Pattern pattern, byte[] reply) {
        return pattern.matcher(new String(reply, StandardCharsets.ISO_8859_1)).find();
    }
}
