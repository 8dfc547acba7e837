package lvsdirector.config;

import static lvsdirector.config.TestParsing.firstError;
import static lvsdirector.config.TestParsing.onlyVirtual;
import static lvsdirector.config.TestParsing.parseOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ldirectord's line rules: columns, indentation, comments, blank lines, line ends, quotes. */
class LexicalRulesTest {
    @TempDir
    Path root;

    @Test
    void blockLinesNeedFourSpacesOrATab() {
        assertThat(onlyVirtual(root, "virtual=10.0.0.1:80\n    real=10.0.0.2:80 gate\n\treal=10.0.0.3:80 gate\n"
                + "  \t  scheduler=lc\n").reals()).hasSize(2);
        assertThat(firstError(root, "virtual=10.0.0.1:80\n   real=10.0.0.2:80 gate\n"))
                .isEqualTo("2: Unknown command    real=10.0.0.2:80 gate\n ");
    }

    @Test
    void blankLineEndsTheBlockAndTheNextIndentedLineIsAnUnknownGlobal() {
        assertThat(firstError(root, "virtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate\n\n\treal=10.0.0.3:80 gate\n"))
                .isEqualTo("4: Unknown command \treal=10.0.0.3:80 gate\n ");
        // a TAB-only line is a blank line too (nothing follows the indentation)
        assertThat(firstError(root, "virtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate\n\t\n\tscheduler=rr\n"))
                .isEqualTo("4: Unknown command \tscheduler=rr\n ");
    }

    @Test
    void spacesOnlyLineLongerThanFourIsAnUnknownBlockCommand() {
        assertThat(firstError(root, "virtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate\n      \n"))
                .isEqualTo("3: Unknown command \"      \n\"");
    }

    @Test
    void commentLinesInsideABlockAreSkippedEvenInColumnZero() {
        VirtualConfig v = onlyVirtual(root, "virtual=10.0.0.1:80\n# note\n\treal=10.0.0.2:80 gate\n  # indented\n"
                + "\tscheduler=lc\n");
        assertThat(v.reals()).hasSize(1);
        assertThat(v.scheduling().scheduler()).isEqualTo("lc");
    }

    @Test
    void inlineCommentsAreCutInsideBlocksEvenWithinQuotes() {
        VirtualConfig v = onlyVirtual(root, "virtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate # first\n"
                + "\tlogin=\"user\" # who\n\tservicename=shop # name\n");
        assertThat(v.check().login()).isEqualTo("user");
        assertThat(firstError(root, "virtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate\n\tpasswd=\"#x\"\n"))
                .as("the cut leaves passwd=\" with no closing quote").isEqualTo("3: Unknown command \"\tpasswd=\"#x\"\n\"");
        assertThat(onlyVirtual(root, "virtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate\n\treceive=\"OK\" \"#x\"\n")
                .check().receive()).as("cut, then greedy up to the last quote").isEqualTo("OK\" ");
        assertThat(v.serviceName()).as("trailing space before the comment is kept").isEqualTo("shop ");
    }

    @Test
    void globalLinesKeepInlineCommentsAndTrailingSpace() {
        assertThat(firstError(root, "quiescent=yes \n")).isEqualTo("1: quiescent must be 'yes' or 'no'");
        assertThat(parseOk(root, "fallbackcommand=/bin/fb # note\n").globals().fallbackCommand())
                .isEqualTo("/bin/fb # note");
        assertThat(parseOk(root, "checkinterval=5 # seconds\n").globals().checkInterval()).isEqualTo(5);
    }

    @Test
    void crlfLineEndsBreakYesNoValuesButNotNumbers() {
        assertThat(firstError(root, "checkinterval=3\r\nfork=no\r\n")).isEqualTo("2: fork must be 'yes' or 'no'");
        assertThat(firstError(root, "virtual=10.0.0.1:80\r\n\treal=10.0.0.2:80 gate\r\n\tquiescent=no\r\n"))
                .isEqualTo("3: quiescent must be 'yes' or 'no'");
    }

    @Test
    void directiveNamesAreCaseSensitiveAndSpacesAroundEqualsAreFine() {
        assertThat(parseOk(root, "checkinterval \t=\t 4\n").globals().checkInterval()).isEqualTo(4);
        assertThat(firstError(root, "CheckInterval=4\n")).isEqualTo("1: Unknown command CheckInterval=4\n ");
    }

    @Test
    void quotedValuesAreGreedyToTheLastQuote() {
        assertThat(parseOk(root, "callback=\"/bin/cb\" \"x\"\n").globals().callback()).isEqualTo("/bin/cb\" \"x");
    }

    @Test
    void aBlockEndedByAnotherHeaderStartsTheNextBlock() {
        DirectorConfig c = parseOk(root, "virtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate\nvirtual=10.0.0.1:443\n"
                + "\treal=10.0.0.2:443 gate\nchecktimeout=3\n");
        assertThat(c.virtuals()).extracting(VirtualConfig::id).containsExactly("tcp:10.0.0.1:80", "tcp:10.0.0.1:443");
        assertThat(c.globals().checkTimeout()).isEqualTo(3);
    }

    @Test
    void headerOnTheLastLineIsReadTwiceAndSoADuplicateOfItself() {
        assertThat(firstError(root, "fork=no\nvirtual=10.0.0.1:80\n")).isEqualTo("2: duplicate virtual server");
        assertThat(firstError(root, "virtual=10.0.0.1:80\nvirtual=10.0.0.2:80")).isEqualTo("2: duplicate virtual server");
        ParseResult all = TestParsing.parse(root, "virtual=10.0.0.1\n", ParseMode.ALL);
        assertThat(all.errors()).extracting(ConfigMessage::line, ConfigMessage::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "duplicate virtual server"));
        assertThat(all.warnings()).as("our fwmark warning only once")
                .filteredOn(w -> w.message().contains("read as firewall mark")).hasSize(1);
        // a comment after the header is what ldirectord holds at end of file instead: no error
        assertThat(onlyVirtual(root, "virtual=10.0.0.1:80\n\t# no reals yet\n").reals()).isEmpty();
    }

    @Test
    void nonUtf8BytesAreReadByteForByte() {
        String latin1 = new String(new byte[] {'c', 'o', 'm', 'm', 'e', 'n', 't', '=', (byte) 0xe9}, 
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(ConfigLine.decode(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).isEqualTo(latin1);
        assertThat(ConfigLine.decode("é".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("é");
    }
}
