package lvsdirector.heartbeat.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** One directive line of ha.cf: where it is, and the value checks that turn bad values into errors. */
final class DirectiveLine {
    private static final List<String> TRUE_WORDS = List.of("true", "on", "yes", "y", "1");
    private static final List<String> FALSE_WORDS = List.of("false", "off", "no", "n", "0");

    final String file;
    final int number;
    final String directive;
    final List<String> tokens;

    DirectiveLine(String file, int number, String directive, List<String> tokens) {
        this.file = file;
        this.number = number;
        this.directive = directive;
        this.tokens = List.copyOf(tokens);
    }

    ConfigException error(String problem) {
        return new ConfigException(file, number, problem);
    }

    ConfigNotice notice(String message) {
        return new ConfigNotice(file, number, message);
    }

    Duration time(String token) throws ConfigException {
        try {
            return HeartbeatTime.parse(token);
        } catch (IllegalArgumentException e) {
            throw error(directive + ": " + e.getMessage());
        }
    }

    /** heartbeat's boolean words (case-insensitive): true/on/yes/y/1 and false/off/no/n/0. */
    boolean bool(String token) throws ConfigException {
        String word = token.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw error(directive + ": invalid boolean value [" + token + "]");
    }

    int integer(String token, int min, int max) throws ConfigException {
        if (!token.matches("\\d{1,9}")) {
            throw error(directive + ": [" + token + "] is not a number");
        }
        int value = Integer.parseInt(token);
        if (value < min || value > max) {
            throw error(directive + ": " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    /** One of {@code allowed}, ignoring case. */
    String choice(String token, String... allowed) throws ConfigException {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(token)) {
                return a;
            }
        }
        throw invalidChoice(token, allowed);
    }

    /** One of {@code allowed}, spelled exactly (heartbeat compares these case-sensitively). */
    String exactChoice(String token, String... allowed) throws ConfigException {
        if (List.of(allowed).contains(token)) {
            return token;
        }
        throw invalidChoice(token, allowed);
    }

    private ConfigException invalidChoice(String token, String... allowed) {
        return error(directive + ": invalid value [" + token + "], expected one of " + String.join(", ", allowed));
    }

    /** A time that must be more than zero milliseconds. */
    Duration positiveTime(String token) throws ConfigException {
        Duration d = time(token);
        if (d.isZero()) {
            throw error(directive + ": [" + token + "] must be at least 1ms");
        }
        return d;
    }

    void requireTokens(int min, int max, String usage) throws ConfigException {
        if (tokens.size() < min || tokens.size() > max) {
            throw error("usage: " + directive + " " + usage);
        }
    }
}
