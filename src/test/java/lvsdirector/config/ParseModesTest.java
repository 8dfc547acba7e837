package lvsdirector.config;

import static lvsdirector.config.TestParsing.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FIRST_ERROR (ldirectord) against ALL (configtest), and the configtest-only warnings. */
class ParseModesTest {
    @TempDir
    Path root;

    private static final String BROKEN = """
            checkinterval=5
            fork=maybe
            virtual=10.0.0.1:80
            \treal=10.0.0.2:80 gate
            \tscheduler=rr
            virtual=10.0.0.2:80
            \treal=10.0.0.3:80 route
            \tchecktype=bogus
            \tquiescent=yes
            virtual=[::1]:80
            \treal=10.0.0.4:80 gate
            timeout=3
            """;

    @Test
    void firstErrorStopsAtTheFirstError() {
        ParseResult r = parse(root, BROKEN, ParseMode.FIRST_ERROR);
        assertThat(r.config()).isNull();
        assertThat(r.errors()).extracting(ConfigMessage::line, ConfigMessage::message)
                .containsExactly(tuple(2, "fork must be 'yes' or 'no'"));
    }

    @Test
    void allReportsEveryErrorInLdirectordsOrderRealsResolvedAtBlockEnd() {
        ParseResult r = parse(root, BROKEN, ParseMode.ALL);
        assertThat(r.config()).isNull();
        assertThat(r.errors()).extracting(ConfigMessage::line, ConfigMessage::message).containsExactly(
                tuple(2, "fork must be 'yes' or 'no'"),
                tuple(8, "checktype must be \"connect\", \"negotiate\", \"on\", \"off\", \"ping\", \"external\", "
                        + "\"external-perl\" or a positive number"),
                tuple(7, "forward method must be gate, masq or ipip"),
                tuple(10, "cannot specify an IPv6 address here. please use \"virtual6\" instead."),
                tuple(12, "timeout directive deprecated in favour of checktimeout and negotiatetimeout"));
    }

    @Test
    void allModeWithoutErrorsGivesTheConfigAndOurExtraWarnings() {
        ParseResult r = parse(root, """
                virtual=10.0.0.1:8080
                \treal=10.0.0.2:8080 gate
                virtual=10.0.0.1:53
                \treal=10.0.0.2:53 gate
                virtual=10.0.0.1:54
                \treal=10.0.0.2:54 gate
                \tservice=dns
                \treceive="10.0.0.9"
                virtual=10.0.0.1:81
                \treal=10.0.0.2:81 gate
                \tchecktype=connect
                """, ParseMode.ALL);
        assertThat(r.config().virtuals()).hasSize(4);
        assertThat(r.warnings()).allMatch(OwnWarnings::isOwn).extracting(ConfigMessage::line).containsExactly(1, 3);
        assertThat(r.warnings().get(0).message()).contains("tcp:10.0.0.1:8080", "service none");
        assertThat(r.warnings().get(1).message()).contains("udp:10.0.0.1:53", "empty receive");
        assertThat(parse(root, "virtual=10.0.0.1:8080\n\treal=10.0.0.2:8080 gate\n", ParseMode.FIRST_ERROR)
                .warnings()).as("ldirectord mode prints only ldirectord's warnings").isEmpty();
    }

    @Test
    void allModeDropsOnlyTheBrokenBlockAndKeepsParsing() {
        ParseResult r = parse(root, """
                virtual=10.0.0.1:80
                \treal=10.0.0.2:80 gate
                \tnetmask=24
                \treal=10.0.0.3:80 bad
                virtual=10.0.0.1:80
                \treal=10.0.0.2:80 gate
                checkinterval=0
                """, ParseMode.ALL);
        assertThat(r.errors()).extracting(ConfigMessage::line, ConfigMessage::message).containsExactly(
                tuple(3, "invalid netmask: dotted quad notation is required"),
                tuple(4, "forward method must be gate, masq or ipip"),
                tuple(7, "duplicate virtual server"),
                tuple(7, "invalid check interval value"));
    }

    @Test
    void warningsBeforeTheErrorAreKeptInOrder() {
        ParseResult r = parse(root, "checkcount=2\nfork=x\ncheckcount=3\n", ParseMode.FIRST_ERROR);
        assertThat(r.messages()).extracting(ConfigMessage::severity, ConfigMessage::line).containsExactly(
                tuple(ConfigMessage.Severity.WARNING, 1), tuple(ConfigMessage.Severity.ERROR, 2));
        assertThat(parse(root, "checkcount=2\nfork=x\ncheckcount=3\n", ParseMode.ALL).messages()).hasSize(3);
    }

    @Test
    void errorTextIsLdirectords() {
        ParseResult r = parse(root, "fork=x\n", ParseMode.FIRST_ERROR);
        assertThat(r.errors().get(0).format(1234))
                .isEqualTo("Error [1234] reading file /etc/ha.d/test.cf at line 1: fork must be 'yes' or 'no'");
    }

    @Test
    void unreadableFileIsLineZeroError() {
        ParseResult r = new ConfigParser(TestParsing.options(root)).parse(root.resolve("missing.cf"), "x.cf",
                ParseMode.FIRST_ERROR);
        assertThat(r.errors()).singleElement().extracting(m -> m.format(1))
                .isEqualTo("Error [1]: can not open file x.cf");
    }
}
