package lvsdirector.check.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compiled receive regexes, one per distinct receive string of the configuration (a handful), so a check
 * round does not compile the same regex once per real server.
 */
final class ReceivePatterns {
    /** A reload may bring new strings; past this many the cache starts over rather than grow without bound. */
    private static final int MAX_ENTRIES = 4096;

    private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();

    /**
     * Perl matches bytes against the bytes of the config file; decoding both sides as ISO-8859-1 (one char
     * per byte) gives the same answer for UTF-8 text in either.
     */
    Pattern of(String receive) {
        Pattern pattern = compiled.get(receive);
        if (pattern != null) {
            return pattern;
        }
        if (compiled.size() >= MAX_ENTRIES) {
            compiled.clear();
        }
        byte[] bytes = receive.getBytes(StandardCharsets.UTF_8);
        pattern = Pattern.compile(new String(bytes, StandardCharsets.ISO_8859_1));
        compiled.put(receive, pattern);
        return pattern;
    }
}
