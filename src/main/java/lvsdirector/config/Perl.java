package lvsdirector.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Perl matching rules ldirectord's parser relies on. Patterns are compiled with UNIX_LINES so that
 * "." and "$" treat only LF as a line end, as Perl does ("\r" is an ordinary character).
 */
final class Perl {
    private static final Pattern DIGIT_RUN = rx("(\\d+)");

    private Perl() {}

    static Pattern rx(String regex) {
        return Pattern.compile(regex, Pattern.UNIX_LINES);
    }

    /** The matcher after an unanchored search (Perl's =~), or null when nothing matched. */
    static Matcher find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m : null;
    }

    /** The matcher after a search anchored at the start (for patterns written "^..."), or null. */
    static Matcher match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.lookingAt() ? m : null;
    }

    /** The first run of digits anywhere in the text, or null ("-5" → "5", "2.5" → "2", "abc7" → "7"). */
    static String firstDigits(String text) {
        Matcher m = find(DIGIT_RUN, text);
        return m == null ? null : m.group(1);
    }

    /** Perl's truth of a string: false only for "" and "0" (so "00" is true). */
    static boolean isTrue(String s) {
        return s != null && !s.isEmpty() && !s.equals("0");
    }

    /** A digit run as an int; values beyond int range saturate (ldirectord keeps them as strings). */
    static int toInt(String digits) {
        String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
        if (trimmed.length() > 10) {
            return Integer.MAX_VALUE;
        }
        long v = Long.parseLong(trimmed);
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    /** A digit run as a long, saturating far beyond any valid port or address. */
    static long toLong(String digits) {
        String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
        return trimmed.length() > 18 ? Long.MAX_VALUE : Long.parseLong(trimmed);
    }
}
