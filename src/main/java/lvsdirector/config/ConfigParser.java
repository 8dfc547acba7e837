package lvsdirector.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses an ldirectord .cf file as ldirectord 4.12 does: same grammar, defaults, messages and line numbers.
 * In {@link ParseMode#FIRST_ERROR} the first error ends the parse; in {@link ParseMode#ALL} every error and
 * warning is reported, a virtual block with an error is left out, and the config is null if any error occurred.
 */
public final class ConfigParser {
    private static final Pattern BLANK = Perl.rx("^\\s*$");
    private static final Pattern COMMENT = Perl.rx("^\\s*#");

    private final ParserOptions options;

    public ConfigParser(ParserOptions options) {
        this.options = options;
    }

    /** Parses a file, naming it in messages by its path. */
    public ParseResult parse(Path file, ParseMode mode) {
        return parse(file, file.toString(), mode);
    }

    /** @param configName the file as ldirectord names it in messages (the resolved config path) */
    public ParseResult parse(Path file, String configName, ParseMode mode) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            ConfigMessage error = new ConfigMessage(ConfigMessage.Severity.ERROR, configName, 0,
                    "can not open file " + configName);
            return new ParseResult(null, List.of(error));
        }
        return parseText(file, configName, ConfigLine.decode(bytes), mode);
    }

    /** Parses text that stands for the file (tests, fuzzing, an edited config not yet on disk). */
    public ParseResult parseText(Path file, String configName, String text, ParseMode mode) {
        MessageLog log = new MessageLog(configName, mode);
        GlobalDirectives globals = new GlobalDirectives(options, log);
        VirtualBlockReader blocks = new VirtualBlockReader(options, log);
        try {
            readLines(ConfigLine.split(text), globals, blocks, log);
        } catch (MessageLog.StopParsing stop) {
            return new ParseResult(null, log.messages());
        }
        Globals built = globals.build();
        if (!built.fork()) {
            for (VirtualConfig v : blocks.virtuals()) {
                if (v.check().checkInterval() != null) {
                    log.warn(0, "checkinterval in virtual service " + v.id() + " ignored when fork=no");
                }
            }
        }
        if (log.anyError()) {
            return new ParseResult(null, log.messages());
        }
        List<ConfigMessage> warnings = new ParseResult(null, log.messages()).warnings();
        return new ParseResult(new DirectorConfig(file, built, blocks.virtuals(), warnings), log.messages());
    }

    private static void readLines(List<ConfigLine> lines, GlobalDirectives globals, VirtualBlockReader blocks,
                                  MessageLog log) {
        int i = 0;
        while (i < lines.size()) {
            ConfigLine line = lines.get(i);
            if (Perl.match(VirtualBlockReader.HEADER, line.raw()) != null) {
                i = blocks.read(lines, i); // the line that ended the block is read again at top level
                continue;
            }
            i++;
            if (Perl.match(BLANK, line.raw()) != null || Perl.match(COMMENT, line.raw()) != null) {
                continue;
            }
            try {
                globals.apply(line);
            } catch (DirectiveError e) {
                log.error(line.number(), e.getMessage());
            }
        }
    }
}
