package lvsdirector.config;

/**
 * An error or warning about a config file, printed in ldirectord's format:
 * {@code Error [<pid>] reading file <CONFIG> at line <n>: <message>} or, without a line,
 * {@code Warning [<pid>]: <message>}.
 *
 * @param file the config path as ldirectord names it (the resolved path)
 * @param line 1-based line, or 0 when no line applies
 */
public record ConfigMessage(Severity severity, String file, int line, String message) {

    public enum Severity {
        ERROR("Error"), WARNING("Warning");

        private final String word;

        Severity(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public String format(long pid) {
        if (line > 0) {
            return severity.word() + " [" + pid + "] reading file " + file + " at line " + line + ": " + message;
        }
        return severity.word() + " [" + pid + "]: " + message;
    }

    /** "file:line: message" for tools and the configtest summary. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
