package lvsdirector.config;

import java.util.ArrayList;
import java.util.List;

/** Collects errors and warnings in order; in FIRST_ERROR mode the first error ends the parse. */
final class MessageLog {

    /** Thrown to abandon the parse after the first error (FIRST_ERROR mode). */
    static final class StopParsing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopParsing() {
            super(null, null, false, false);
        }
    }

    private final String file;
    private final ParseMode mode;
    private final List<ConfigMessage> messages = new ArrayList<>();
    private boolean anyError;

    MessageLog(String file, ParseMode mode) {
        this.file = file;
        this.mode = mode;
    }

    /** @param line 1-based line, or 0 when no line applies */
    void error(int line, String message) {
        messages.add(new ConfigMessage(ConfigMessage.Severity.ERROR, file, line, message));
        anyError = true;
        if (mode == ParseMode.FIRST_ERROR) {
            throw new StopParsing();
        }
    }

    void warn(int line, String message) {
        messages.add(new ConfigMessage(ConfigMessage.Severity.WARNING, file, line, message));
    }

    boolean anyError() {
        return anyError;
    }

    ParseMode mode() {
        return mode;
    }

    List<ConfigMessage> messages() {
        return messages;
    }
}
