package lvsdirector.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;

/**
 * Arbitrary bytes through the parser in both modes. Any exception is a bug; so is a result that breaks
 * the contract: a config exactly when there is no error, lines inside the file, and ALL mode agreeing with
 * FIRST_ERROR up to (and including) the first error. File probes are answered in memory so fuzzed
 * monitorfile/logfile paths never touch the disk.
 */
@Tag("fuzz")
class ConfigParserFuzzTest {
    private static final FileAccess NO_DISK = new FileAccess() {
        @Override
        public Optional<String> tryAppend(String path) {
            return path.startsWith("/var/log/") ? Optional.empty() : Optional.of("No such file or directory");
        }

        @Override
        public boolean isDirectory(String path) {
            return path.equals("/etc/maint");
        }
    };

    private static final ConfigParser PARSER = new ConfigParser(
            new ParserOptions(TestParsing.fakeHosts(), EtcServices.builtIn(), NO_DISK, "fuzz", false));

    @FuzzTest(maxDuration = "30s")
    void parseArbitraryText(byte[] input) {
        String text = ConfigLine.decode(input);
        int lines = ConfigLine.split(text).size();
        ParseResult all = PARSER.parseText(Path.of("/f.cf"), "/f.cf", text, ParseMode.ALL);
        ParseResult first = PARSER.parseText(Path.of("/f.cf"), "/f.cf", text, ParseMode.FIRST_ERROR);

        for (ParseResult r : List.of(all, first)) {
            assertThat(r.config() == null).isEqualTo(!r.errors().isEmpty());
            assertThat(r.messages()).allSatisfy(m -> assertThat(m.line()).isBetween(0, lines));
            assertThat(r.messages()).allSatisfy(m -> assertThat(m.message()).isNotEmpty());
        }
        assertThat(first.errors()).hasSizeLessThanOrEqualTo(1);
        List<ConfigMessage> allUpToFirstError = upToFirstError(all.messages());
        assertThat(withoutOwn(allUpToFirstError)).isEqualTo(withoutOwn(first.messages()));
        if (first.ok()) {
            assertThat(all.config().globals()).isEqualTo(first.config().globals());
            assertThat(all.config().virtuals()).isEqualTo(first.config().virtuals());
        }
    }

    private static List<ConfigMessage> upToFirstError(List<ConfigMessage> messages) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).severity() == ConfigMessage.Severity.ERROR) {
                return messages.subList(0, i + 1);
            }
        }
        return messages;
    }

    private static List<ConfigMessage> withoutOwn(List<ConfigMessage> messages) {
        return messages.stream().filter(m -> !OwnWarnings.isOwn(m)).toList();
    }
}
