package lvsdirector.config;

import java.util.List;

/**
 * Outcome of parsing one file.
 *
 * @param config   the parsed configuration, or null when there was any error
 * @param messages errors and warnings in the order ldirectord would print them
 */
public record ParseResult(DirectorConfig config, List<ConfigMessage> messages) {
    public ParseResult {
        messages = List.copyOf(messages);
    }

    public boolean ok() {
        return config != null;
    }

    public List<ConfigMessage> errors() {
        return messages.stream().filter(m -> m.severity() == ConfigMessage.Severity.ERROR).toList();
    }

    public List<ConfigMessage> warnings() {
        return messages.stream().filter(m -> m.severity() == ConfigMessage.Severity.WARNING).toList();
    }
}
