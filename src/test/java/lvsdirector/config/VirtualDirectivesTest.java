package lvsdirector.config;

import static lvsdirector.config.TestParsing.firstError;
import static lvsdirector.config.TestParsing.onlyVirtual;
import static lvsdirector.config.TestParsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The indented directives of a virtual block. */
class VirtualDirectivesTest {
    @TempDir
    Path root;

    private static final String HEAD = "virtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate\n";

    private VirtualConfig with(String... lines) {
        return onlyVirtual(root, HEAD + "\t" + String.join("\n\t", lines) + "\n");
    }

    @Test
    void everyDirectiveIsStored() {
        VirtualConfig v = onlyVirtual(root, """
                virtual=10.0.0.1:80
                    real=10.0.0.2:80 gate
                    request="health"
                    receive="^OK$"
                    checktype=external
                    checkcommand="/usr/lib/check it"
                    checktimeout=3
                    negotiatetimeout=9
                    checkcount=2
                    failurecount=4
                    checkinterval=6
                    checkport=8080
                    login="user"
                    passwd="pw"
                    database="db"
                    secret="s3"
                    load="whatever"
                    scheduler=sh
                    persistent=300
                    netmask=255.255.255.0
                    schedflags=sh-port,sh-fallback more
                    protocol=udp
                    ops=yes
                    service=simpletcp
                    httpmethod=head
                    virtualhost="www.example.com"
                    fallback=127.0.0.1:8080 masq
                    fallbackcommand=/bin/fb
                    quiescent=yes
                    cleanstop=no
                    emailalert=ops@example.com
                    emailalertfreq=30
                    emailalertstatus=running
                    monitorfile="/var/log/mon.log"
                    smtp=relay.example
                    servicename=Web shop
                    comment=front end
                """);
        CheckSettings c = v.check();
        assertThat(c).isEqualTo(new CheckSettings(CheckType.EXTERNAL, 0, ServiceType.SIMPLETCP, "/usr/lib/check it",
                "/health", "^OK$", "user", "pw", "db", "s3", "HEAD", "www.example.com", 8080, 6, 3, 9, 2, 4));
        assertThat(v.scheduling()).isEqualTo(new SchedulingSettings("sh", 300, "255.255.255.0", "sh-port,sh-fallback",
                true));
        assertThat(v.protocol()).isEqualTo(VirtualProtocol.UDP);
        assertThat(v.fallback().port()).isEqualTo(8080);
        assertThat(v.fallbackCommand()).isEqualTo("/bin/fb");
        assertThat(v.quiescent()).isTrue();
        assertThat(v.cleanstop()).isFalse();
        assertThat(v.alerts()).isEqualTo(new AlertSettings("ops@example.com", 30, Set.of(DaemonStatus.RUNNING),
                "relay.example"));
        assertThat(v.monitorFile()).isEqualTo("/var/log/mon.log");
        assertThat(Files.exists(root.resolve("var/log/mon.log"))).as("opened for append at parse time").isTrue();
        assertThat(v.serviceName()).isEqualTo("Web shop");
        assertThat(v.comment()).isEqualTo("front end");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            request=""                | no request string specified
            receive=""                | invalid receive string
            checktype=tcp             | checktype must be "connect", "negotiate", "on", "off", "ping", "external", "external-perl" or a positive number
            checktype=                | checktype must be "connect", "negotiate", "on", "off", "ping", "external", "external-perl" or a positive number
            checkcommand=""           | invalid check command
            checkcommand=             | invalid check command
            checktimeout=0            | invalid check timeout
            connecttimeout=3          | connecttimeout directive deprecated in favour of negotiatetimeout
            negotiatetimeout=none     | invalid negotiate timeout
            checkcount=0              | invalid check count
            failurecount=             | invalid failure count
            checkinterval=0           | invalid checkinterval
            checkport=http            | invalid port
            checkport=0               | checkport must be in range 1..65536
            checkport=65536           | checkport must be in range 1..65536
            login=""                  | invalid login string
            passwd=""                 | invalid password
            database=""               | invalid database
            secret=""                 | invalid secret
            load="--"                 | invalid string for load testing
            scheduler=WRR             | invalid scheduler, should be only lowercase letters (a-z)
            persistent=forever        | invalid persistent timeout
            schedflags=               | invalid sched-flags
            netmask=24                | invalid netmask: dotted quad notation is required
            netmask=255.255.255.0     | --ok--
            protocol=fwm              | protocol must be tcp or udp if the virtual service is an address and port
            protocol=sctp             | protocol must be tcp or udp if the virtual service is an address and port
            protocol=-                | invalid protocol
            ops=1                     | ops must be 'yes' or 'no'
            service=telnet            | service must be dns, ftp, http, https, http_proxy, imap, imaps, ldap, ldaps, mysql, nntp, none, oracle, pop, pops, radius, pgsql, simpletcp, sip, smtp or submission
            httpmethod=POST           | httpmethod must be GET or HEAD
            fallback=127.0.0.1 route  | forward method must be gate, masq or ipip
            fallback6=[::1]:80        | cannot specify "fallback6" here.  please use "fallback" instead
            real6=[::1]:80 gate       | cannot specify "real6" here.  please use "real" instead
            fallbackcommand=""        | invalid fallback command
            quiescent=on              | quiescent must be 'yes' or 'no'
            cleanstop=              | cleanstop must be 'yes' or 'no'
            emailalert=               | no email address specified
            emailalertfreq=often      | invalid email alert frequency
            emailalertstatus=all,bad  | invalid email alert status at: "bad"
            smtp=                     | invalid SMTP server address
            monitorfile=/no/such/dir/m.log | unable to open monitorfile /no/such/dir/m.log: No such file or directory
            monitorfile="/var/log"    | unable to open monitorfile /var/log: Is a directory
            """)
    void badValuesGiveLdirectordsErrorAtTheirLine(String directive, String message) {
        String text = HEAD + "\t" + directive + "\n\tscheduler=rr\n";
        if (message.equals("--ok--")) {
            assertThat(parse(root, text, ParseMode.FIRST_ERROR).errors()).isEmpty();
        } else {
            assertThat(firstError(root, text)).isEqualTo("3: " + message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            request=/x
            receive=OK
            login=me
            readdquiescent=yes
            emailalertfrom=a@b
            maintenancedir=/tmp
            autoreload=yes
            realserver=1
            bogus
            """)
    void unknownAndUnquotedDirectivesQuoteTheRawLine(String directive) {
        assertThat(firstError(root, HEAD + "\t" + directive + "\n"))
                .isEqualTo("3: Unknown command \"\t" + directive + "\n\"");
    }

    @Test
    void v6BlocksWantReal6AndFallback6() {
        String head = "virtual6=[fd00::1]:80\n\treal6=[fd00::2]:80 gate\n";
        assertThat(firstError(root, head + "\treal=10.0.0.1:80 gate\n"))
                .isEqualTo("3: cannot specify \"real\" here.  please use \"real6\" instead");
        assertThat(firstError(root, head + "\tfallback=127.0.0.1\n"))
                .isEqualTo("3: cannot specify \"fallback\" here.  please use \"fallback6\" instead");
        assertThat(firstError(root, head + "\tnetmask=129\n"))
                .isEqualTo("3: invalid netmask: a prefix length between 1 and 128 is required");
        assertThat(onlyVirtual(root, head + "\tnetmask=64\n\tfallback6=[::1]\n").scheduling().netmask())
                .isEqualTo("64");
    }

    @Test
    void fwmarkProtocolMustStayFwm() {
        assertThat(firstError(root, "virtual=5\n\treal=10.0.0.2 gate\n\tprotocol=tcp\n"))
                .isEqualTo("3: protocol must be fwm if the virtual service is a fwmark (a number)");
        assertThat(onlyVirtual(root, "virtual=5\n\treal=10.0.0.2 gate\n\tprotocol=fwm\n").protocol())
                .isEqualTo(VirtualProtocol.FWM);
    }

    @Test
    void checktypeWithDigitsIsCombined() {
        assertThat(with("checktype=0").check()).extracting(CheckSettings::checkType, CheckSettings::combinedConnects)
                .containsExactly(CheckType.COMBINED, 0);
        assertThat(with("checktype=connect2").check().combinedConnects()).isEqualTo(2);
        assertThat(with("checktype=external-perl").check().checkType()).isEqualTo(CheckType.EXTERNAL_PERL);
        assertThat(with("checktype=on junk").check().checkType()).isEqualTo(CheckType.ON);
    }

    @Test
    void valueExtractionQuirks() {
        assertThat(with("scheduler=Xlc2").scheduling().scheduler()).isEqualTo("lc");
        assertThat(with("request=\"a\" \"b\"").check().request()).as("greedy quotes").isEqualTo("/a\" \"b");
        assertThat(with("persistent=0").scheduling().persistent()).isZero();
        assertThat(with("virtualhost=plain.example more").check().virtualHost()).isEqualTo("plain.example more");
        assertThat(with("virtualhost=").check().virtualHost()).isEmpty();
        assertThat(with("checkcommand=/bin/x arg").check().checkCommand()).isEqualTo("/bin/x arg");
        assertThat(with("emailalert=\"a@b.example\"").alerts().emailAlert()).isEqualTo("a@b.example");
    }

    @Test
    void serviceFtpAndSipFillLoginDefaultsOnlyWhenStillEmpty() {
        CheckSettings ftp = with("service=ftp").check();
        assertThat(ftp.login()).isEqualTo("anonymous");
        assertThat(ftp.passwd()).isEqualTo("ldirectord@" + TestParsing.HOSTNAME);
        CheckSettings loginFirst = with("login=\"bob\"", "service=ftp").check();
        assertThat(loginFirst.login()).isEqualTo("bob");
        assertThat(loginFirst.passwd()).isEqualTo("ldirectord@" + TestParsing.HOSTNAME);
        assertThat(with("service=ftp", "login=\"bob\"").check().login()).isEqualTo("bob");
        CheckSettings sip = with("service=sip").check();
        assertThat(sip.login()).isEqualTo("ldirectord@" + TestParsing.HOSTNAME);
        assertThat(sip.passwd()).isEmpty();
        CheckSettings impliedFtp = onlyVirtual(root, "virtual=10.0.0.1:21\n\treal=10.0.0.2:21 masq\n").check();
        assertThat(impliedFtp.service()).isEqualTo(ServiceType.FTP);
        assertThat(impliedFtp.login()).as("no defaults when the service is only implied").isEmpty();
    }

    @Test
    void checkcountInBlockWarnsAtItsLine() {
        ParseResult r = parse(root, HEAD + "\tcheckcount=3\n", ParseMode.FIRST_ERROR);
        assertThat(r.warnings()).singleElement().extracting(ConfigMessage::line, ConfigMessage::message)
                .containsExactly(3, Texts.CHECKCOUNT_DEPRECATED);
    }

    @Test
    void checkintervalWithoutForkWarnsWithoutLine() {
        ParseResult r = parse(root, HEAD + "\tcheckinterval=5\nvirtual6=4\n\treal6=[::1] gate\n\tcheckinterval=5\n",
                ParseMode.FIRST_ERROR);
        assertThat(r.warnings()).extracting(m -> m.format(7)).containsExactly(
                "Warning [7]: checkinterval in virtual service tcp:10.0.0.1:80 ignored when fork=no",
                "Warning [7]: checkinterval in virtual service fwm6:4 ignored when fork=no");
        assertThat(parse(root, "fork=yes\n" + HEAD + "\tcheckinterval=5\n", ParseMode.FIRST_ERROR).warnings())
                .isEmpty();
    }
}
