package lvsdirector.config;

import static lvsdirector.config.TestParsing.firstError;
import static lvsdirector.config.TestParsing.parse;
import static lvsdirector.config.TestParsing.parseOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobalDirectivesTest {
    @TempDir
    Path root;

    @Test
    void emptyFileGivesLdirectordDefaults() {
        Globals g = parseOk(root, "").globals();
        assertThat(g).isEqualTo(Globals.DEFAULTS);
        assertThat(g.quiescent()).as("code default, not the man page's").isFalse();
        assertThat(g.cleanstop()).isTrue();
        assertThat(g.checkInterval()).isEqualTo(10);
        assertThat(g.logfile()).isEqualTo("/var/log/ldirectord.log");
        assertThat(g.alerts().statuses()).containsExactlyInAnyOrder(DaemonStatus.values());
    }

    @Test
    void everyGlobalDirectiveIsStored() {
        Globals g = parseOk(root, """
                checktimeout=4
                negotiatetimeout = 12
                checkinterval=7
                checkcount=3
                failurecount=2
                autoreload=yes
                callback="/usr/local/bin/cb arg"
                logfile="/var/log/director.log"
                execute=other.cf
                execute=third.cf
                execute=other.cf
                fork=yes
                supervised=no
                quiescent=yes
                readdquiescent=yes
                cleanstop=no
                fallback=127.0.0.1:domain masq
                fallback6=[::1]
                fallbackcommand="/bin/fb.sh"
                emailalert="ops@example.com"
                emailalertfreq=60
                emailalertstatus=starting,stopping
                emailalertfrom=Director <d@example.com>
                smtp=mail.example.com:25
                maintenancedir=/etc/maint
                """).globals();
        assertThat(g.checkTimeout()).isEqualTo(4);
        assertThat(g.negotiateTimeout()).isEqualTo(12);
        assertThat(g.checkInterval()).isEqualTo(7);
        assertThat(g.checkCount()).isEqualTo(3);
        assertThat(g.failureCount()).isEqualTo(2);
        assertThat(g.autoreload()).isTrue();
        assertThat(g.callback()).isEqualTo("/usr/local/bin/cb arg");
        assertThat(g.logfile()).isEqualTo("/var/log/director.log");
        assertThat(g.execute()).containsExactly("other.cf", "third.cf");
        assertThat(g.fork()).isTrue();
        assertThat(g.supervised()).isFalse();
        assertThat(g.quiescent()).isTrue();
        assertThat(g.readdQuiescent()).isTrue();
        assertThat(g.cleanstop()).isFalse();
        assertThat(g.fallback().address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(g.fallback().port()).isEqualTo(53);
        assertThat(g.fallback().forwarding()).isEqualTo(Forwarding.MASQ);
        assertThat(g.fallback6().hostText()).isEqualTo("[::1]");
        assertThat(g.fallback6().port()).as("no port: the virtual's at use time").isNull();
        assertThat(g.fallback6().forwarding()).isEqualTo(Forwarding.GATE);
        assertThat(g.fallbackCommand()).as("quotes kept").isEqualTo("\"/bin/fb.sh\"");
        assertThat(g.alerts()).isEqualTo(new AlertSettings("ops@example.com", 60,
                Set.of(DaemonStatus.STARTING, DaemonStatus.STOPPING), "mail.example.com"));
        assertThat(g.emailAlertFrom()).isEqualTo("Director <d@example.com>");
        assertThat(g.maintenanceDir()).isEqualTo("/etc/maint");
        assertThat(Files.exists(root.resolve("var/log/director.log"))).as("logfile test-opened").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            checktimeout=0              | invalid check timeout value
            checktimeout=00             | invalid check timeout value
            checktimeout=x              | invalid check timeout value
            negotiatetimeout=           | invalid negotiate timeout value
            connecttimeout=5            | connecttimeout directive deprecated in favour of negotiatetimeout
            timeout=5                   | timeout directive deprecated in favour of checktimeout and negotiatetimeout
            checkinterval=0             | invalid check interval value
            checkcount=none             | invalid check count value
            failurecount=0              | invalid failure count value
            autoreload=Yes              | autoreload must be 'yes' or 'no'
            fork=true                   | fork must be 'yes' or 'no'
            supervised=1                | supervised must be 'yes' or 'no'
            supervisedly                | supervised must be 'yes' or 'no'
            quiescent=yes # comment     | quiescent must be 'yes' or 'no'
            readdquiescent=             | readdquiescent must be 'yes' or 'no'
            cleanstop=nope              | cleanstop must be 'yes' or 'no'
            fallback=127.0.0.1:80 route | forward method must be gate, masq or ipip
            fallback=nowhere.invalid    | invalid IPv4 address or could not resolve for fallback server: nowhere.invalid
            fallback=[::1]:80           | invalid IPv4 address or could not resolve for fallback server: [::1]
            fallback6=127.0.0.1         | invalid IPv6 address or could not resolve for fallback server: 127.0.0.1
            fallback=127.0.0.1:99999    | invalid port for fallback server
            fallback=127.0.0.1:nosuchport | invalid port for fallback server
            fallback=127.0.0.1:http     | invalid port for fallback server
            fallbackcommand=            | invalid fallback command
            emailalert=                 | no email address specified
            emailalert=""               | no email address specified
            emailalertfreq=soon         | invalid email alert frequency
            emailalertstatus=sometimes  | invalid email alert status at: "sometimes"
            emailalertstatus=none,running | invalid email alert status: "running" specified with "none"
            emailalertstatus=running,   | --ok--
            emailalertfrom=             | no email from address specified
            smtp=:25                    | invalid SMTP server address
            maintenancedir=             | maintenance directory not specified
            logfile="/no/such/dir/x.log" | unable to open logfile: /no/such/dir/x.log
            """)
    void badValuesGiveLdirectordsError(String line, String message) {
        String text = "# header\n" + line + "\n";
        if (message.equals("--ok--")) {
            assertThat(parse(root, text, ParseMode.FIRST_ERROR).errors()).isEmpty();
        } else {
            assertThat(firstError(root, text)).isEqualTo("2: " + message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            callback=/bin/true
            logfile=/var/log/x.log
            foo=bar
            checktimeout
            ' checktimeout=5'
            Quiescent=yes
            realserver=1
            """)
    void unknownOrUnquotedGlobalsAreUnknownCommandsWithRawLine(String line) {
        assertThat(firstError(root, line + "\nfork=no\n")).isEqualTo("1: Unknown command " + line + "\n ");
    }

    @Test
    void unknownCommandOnLastLineWithoutNewline() {
        assertThat(firstError(root, "fork=no\nbogus")).isEqualTo("2: Unknown command bogus ");
    }

    @Test
    void numbersTakeTheFirstDigitRun() {
        Globals g = parseOk(root, "checkinterval=-5\nnegotiatetimeout=2.5\nfailurecount=abc7\ncheckcount=00\n")
                .globals();
        assertThat(List.of(g.checkInterval(), g.negotiateTimeout(), g.failureCount(), g.checkCount()))
                .containsExactly(5, 2, 7, 0);
    }

    @Test
    void warningsForCheckcountBareSupervisedAndMissingMaintenanceDir() {
        ParseResult r = parse(root, "checkcount=2\nsupervised\nmaintenancedir=/nonexistent\n", ParseMode.FIRST_ERROR);
        assertThat(r.ok()).isTrue();
        assertThat(r.warnings()).extracting(ConfigMessage::line, ConfigMessage::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, Texts.CHECKCOUNT_DEPRECATED),
                org.assertj.core.groups.Tuple.tuple(2, "please update your config not to use a bare supervised directive"),
                org.assertj.core.groups.Tuple.tuple(3, "maintenance directory does not exist"));
        assertThat(r.config().globals().supervised()).isTrue();
        assertThat(r.warnings().get(0).format(42)).isEqualTo("Warning [42] reading file " + TestParsing.CONFIG
                + " at line 1: checkcount option is deprecated and slated for removal.  please see 'failurecount'");
    }

    @Test
    void supervisedBeforeLogfileSkipsTheOpenTest() {
        assertThat(parseOk(root, "supervised=yes\nlogfile=\"/no/such/dir/x.log\"\n").globals().logfile())
                .isEqualTo("/no/such/dir/x.log");
        assertThat(firstError(root, "logfile=\"/no/such/dir/x.log\"\nsupervised=yes\n"))
                .isEqualTo("1: unable to open logfile: /no/such/dir/x.log");
    }

    @Test
    void syslogFacilityIsNotOpened() {
        assertThat(parseOk(root, "logfile=\"local0\"\n").globals().logfile()).isEqualTo("local0");
    }

    @Test
    void emailAlertStatusAllAndNone() {
        assertThat(parseOk(root, "emailalertstatus=none\n").globals().alerts().statuses()).isEmpty();
        assertThat(parseOk(root, "emailalertstatus=starting, all\n").globals().alerts().statuses())
                .containsExactlyInAnyOrder(DaemonStatus.values());
    }

    @Test
    void fallbackWithThreeWordsTakesTheLastTwo() {
        Fallback f = parseOk(root, "fallback=x 127.0.0.1:80 masq\n").globals().fallback();
        assertThat(f.hostText()).isEqualTo("127.0.0.1");
        assertThat(f.forwarding()).isEqualTo(Forwarding.MASQ);
    }

    @Test
    void lastValueWins() {
        assertThat(parseOk(root, "checkinterval=3\ncheckinterval=9\n").globals().checkInterval()).isEqualTo(9);
    }
}
