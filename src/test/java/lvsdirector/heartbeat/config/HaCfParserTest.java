package lvsdirector.heartbeat.config;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HaCfParserTest {
    /** Three valid lines, so the line under test is line 4. */
    private static final String BASE = "node nodea\nnode nodeb\nbcast eth0\n";

    static String resource(String path) throws IOException {
        try (InputStream in = HaCfParserTest.class.getResourceAsStream("/heartbeat-captures/" + path)) {
            return new String(in.readAllBytes(), ISO_8859_1);
        }
    }

    private static HaCf parse(String text) throws ConfigException {
        return HaCfParser.parse("ha.cf", text);
    }

    @Test
    void readsTheHaCfOfTheRealTwoNodeRun() throws Exception {
        HaCf cf = parse(resource("main-sha1-bcast/ha.cf-nodea.txt"));

        assertThat(cf.nodes()).containsExactly("nodea", "nodeb");
        assertThat(cf.keepalive()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cf.deadtime()).isEqualTo(Duration.ofSeconds(6));
        assertThat(cf.warntime()).isEqualTo(Duration.ofSeconds(3));
        assertThat(cf.initdead()).isEqualTo(Duration.ofSeconds(12));
        assertThat(cf.udpPort()).isEqualTo(694);
        assertThat(cf.media()).containsExactly(new Medium.Bcast("eth0"));
        assertThat(cf.autoFailback()).isEqualTo(AutoFailback.ON);
        assertThat(cf.logFacility()).isEmpty();
        assertThat(cf.logFile()).contains("$HBX_ROOT/runs/main-sha1-bcast/A/log/ha-log");
        assertThat(cf.debugFile()).contains("$HBX_ROOT/runs/main-sha1-bcast/A/log/ha-debug");
        assertThat(cf.ttl()).isEqualTo(3);
        assertThat(cf.notImplemented()).isEmpty();
        assertThat(cf.warnings()).isEmpty();
    }

    @Test
    void readsTheUcastRun() throws Exception {
        HaCf cf = parse(resource("md5-ucast/ha.cf-nodeb.txt"));
        assertThat(cf.media()).containsExactly(new Medium.Ucast("eth0", "10.200.0.1"));
    }

    @Test
    void appliesHeartbeatsDefaults() throws Exception {
        HaCf cf = parse("node nodea\nbcast eth0\n");

        assertThat(cf.keepalive()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cf.deadtime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(cf.warntime()).isEqualTo(Duration.ofSeconds(15));
        assertThat(cf.initdead()).isEqualTo(Duration.ofSeconds(30));
        assertThat(cf.deadping()).isEqualTo(Duration.ofSeconds(30));
        assertThat(cf.udpPort()).isEqualTo(694);
        assertThat(cf.autoFailback()).isEqualTo(AutoFailback.LEGACY);
        assertThat(cf.autoFailback().niceFailback()).isFalse();
        assertThat(cf.msgFormat()).isEqualTo(MsgFormat.CLASSIC);
        assertThat(cf.cluster()).isEqualTo("linux-ha");
        assertThat(cf.hopfudge()).isEqualTo(1);
        assertThat(cf.debugLevel()).isZero();
        assertThat(cf.logBadPackets()).isTrue();
        assertThat(cf.maxRexmitDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(cf.ttl()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"5,12000", "6,12000", "8,16000", "10,20000", "11,11000", "30,30000"})
    void initdeadDefaultsFollowTheDeadtime(int deadtimeSeconds, long initdeadMs) throws Exception {
        HaCf cf = parse(BASE + "keepalive 1\ndeadtime " + deadtimeSeconds + "\n");
        assertThat(cf.initdead().toMillis()).isEqualTo(initdeadMs);
    }

    @ParameterizedTest
    @CsvSource({"2,2000", "1.5,1500", "500ms,500", "5MS,5", "5msec,5", "250000us,250", "250000USEC,250", ".5,500", "2.,2000",
        "0.0015,2", "1.5ms,2", "1.4ms,1", "499us,0", "501us,1", "0,0"})
    void timesAreSecondsUnlessSuffixedAndRoundedToWholeMilliseconds(String value, long millis) {
        assertThat(HeartbeatTime.parse(value)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2s", "-1", "1m", "abc", "1.5.2", "", "5 ms", "9999999999", "5msx"})
    void otherTimeSyntaxIsRejected(String value) {
        assertThatThrownBy(() -> HeartbeatTime.parse(value)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(value);
    }

    @Test
    void ordinaryDirectivesSplitOnBlanksAndCommas() throws Exception {
        HaCf cf = parse("  node NodeA nodeb,nodec\t# comment, node x\r\nnode nodea\r\nbcast eth0 eth1\n\n# node y\n");
        assertThat(cf.nodes()).containsExactly("nodea", "nodeb", "nodec");
        assertThat(cf.media()).containsExactly(new Medium.Bcast("eth0"), new Medium.Bcast("eth1"));
        assertThat(cf.hasNode("NODEB")).isTrue();
    }

    @Test
    void implementedDirectivesSetTheirValues() throws Exception {
        HaCf cf = parse(BASE + """
                keepalive 500ms
                deadtime 5
                warntime 2
                initdead 20
                udpport 695
                ucast eth1 10.0.0.2
                mcast eth2 239.0.0.43 694 1 0
                auto_failback off
                cluster lab
                hopfudge 2
                logfacility local0
                logfile /var/log/ha-log
                debugfile /var/log/ha-debug
                debug 3
                log_badpack no
                msgfmt netstring
                max_rexmit_delay 100
                """);
        assertThat(cf.keepalive()).isEqualTo(Duration.ofMillis(500));
        assertThat(cf.deadtime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cf.warntime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(cf.initdead()).isEqualTo(Duration.ofSeconds(20));
        assertThat(cf.udpPort()).isEqualTo(695);
        assertThat(cf.media()).containsExactly(new Medium.Bcast("eth0"), new Medium.Ucast("eth1", "10.0.0.2"),
                new Medium.Mcast("eth2", "239.0.0.43", 694, 1, false));
        assertThat(cf.autoFailback()).isEqualTo(AutoFailback.OFF);
        assertThat(cf.cluster()).isEqualTo("lab");
        assertThat(cf.ttl()).isEqualTo(4);
        assertThat(cf.logFacility()).contains("local0");
        assertThat(cf.logFile()).contains("/var/log/ha-log");
        assertThat(cf.debugFile()).contains("/var/log/ha-debug");
        assertThat(cf.debugLevel()).isEqualTo(3);
        assertThat(cf.logBadPackets()).isFalse();
        assertThat(cf.msgFormat()).isEqualTo(MsgFormat.NETSTRING);
        assertThat(cf.msgFormat().innerAuth()).isFalse();
        assertThat(cf.maxRexmitDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(cf.notImplemented()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auto_failback legacy|LEGACY", "auto_failback yes|ON", "auto_failback FALSE|OFF", "nice_failback on|OFF", "nice_failback off|LEGACY"})
    void autoFailbackAcceptsHeartbeatsWords(String line, AutoFailback expected) throws Exception {
        assertThat(parse(BASE + line).autoFailback()).isEqualTo(expected);
    }

    @Test
    void niceFailbackIsReportedAsObsolete() throws Exception {
        assertThat(parse(BASE + "nice_failback on").warnings()).extracting(ConfigNotice::format)
                .containsExactly("ha.cf:4: nice_failback is obsolete; use auto_failback off");
    }

    @Test
    void realtimeIsOnAtPriorityOneUnlessConfigured() throws Exception {
        assertThat(parse(BASE).realtimePriority()).isEqualTo(1);
        assertThat(parse(BASE + "rtprio 50\n").realtimePriority()).isEqualTo(50);
        assertThat(parse(BASE + "realtime off\nrtprio 50\n").realtimePriority()).isZero();
        assertThat(parse(BASE + "realtime on\n").notImplemented()).isEmpty();
    }

    /** Every directive of heartbeat 3.0.6 this peer does not implement is accepted and noted once. */
    @ParameterizedTest
    @ValueSource(strings = {"deadping 10", "baud 19200", "use_logd yes", "use_apphbd no", "conn_logd_time 60", "syslogmsgfmt true",
        "watchdog /dev/watchdog", "hbgenmethod time", "compression zlib", "compression_threshold 2",
        "traditional_compression no", "coredumps true", "coreroot /var/lib/heartbeat/cores", "autojoin none", "uuidfrom nodename",
        "memreserve 6500", "crm_daemon_dir /usr/lib/heartbeat", "crmd_spawns_pengine on", "record_config_changes on",
        "record_pengine_inputs off", "enable_config_writes on", "quorum_server qs.example", "env HA_FOO=bar",
        "respawn hacluster /usr/libexec/heartbeat/ipfail", "failfast hacluster /usr/lib/heartbeat/ccm",
        "apiauth ipfail gid=haclient uid=hacluster", "stonith baytech /etc/ha.d/conf/stonith.baytech",
        "stonith_host * baytech 10.0.0.3 mylogin mysecretpassword", "ucast6 eth0 fe80::1", "mcast6 eth0 ff02::1:2 694 1 0",
        "serial /dev/ttyS0", "ping 10.0.0.254", "ping6 fe80::254", "ping_group group1 10.0.0.1 10.0.0.2"})
    void notImplementedDirectivesAreAcceptedAndReportedOnce(String line) throws Exception {
        String directive = line.split(" ")[0];
        boolean singleton = directive.equals("baud") || directive.equals("watchdog");
        HaCf cf = parse(BASE + line + "\n" + (singleton ? "" : line + "\n"));
        assertThat(cf.notImplemented()).hasSize(1);
        assertThat(cf.notImplemented().get(0).line()).isEqualTo(4);
        assertThat(cf.notImplemented().get(0).format()).startsWith("ha.cf:4: directive " + directive + " is not implemented");
    }

    @Test
    void pingAndExtraMediaAreKeptInTheModel() throws Exception {
        HaCf cf = parse(BASE + "ping 10.0.0.254 10.0.0.253\nping_group g 10.0.0.1 10.0.0.2\nserial /dev/ttyS0\n");
        assertThat(cf.pingNodes()).containsExactly(new PingNode("10.0.0.254", List.of("10.0.0.254"), false),
                new PingNode("10.0.0.253", List.of("10.0.0.253"), false), new PingNode("g", List.of("10.0.0.1", "10.0.0.2"), false));
        assertThat(cf.media()).contains(new Medium.Serial("/dev/ttyS0"));
        assertThat(cf.media()).filteredOn(Medium::implemented).containsExactly(new Medium.Bcast("eth0"));
    }

    @Test
    void pacemakerOffIsFine() throws Exception {
        assertThat(parse(BASE + "crm off\npacemaker no\n").notImplemented()).extracting(ConfigNotice::line).containsExactly(4, 5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bogus 1|Illegal directive [bogus] in ha.cf",
        "Node nodec|Illegal directive [Node] in ha.cf",
        "keepalive|directive keepalive needs a value",
        "keepalive 2s|keepalive: invalid time value [2s]: expected seconds, or a number with ms, msec, us or usec",
        "deadtime 1m|deadtime: invalid time value [1m]: expected seconds, or a number with ms, msec, us or usec",
        "keepalive 499us|keepalive: [499us] must be at least 1ms",
        "warntime 0|warntime: [0] must be at least 1ms",
        "conn_logd_time 0|conn_logd_time: [0] must be at least 1ms",
        "compression_threshold 0|compression_threshold: 0 is outside 1..2147483647",
        "max_rexmit_delay 0|max_rexmit_delay: 0 is outside 1..3600000",
        "msgfmt Classic|msgfmt: invalid value [Classic], expected one of classic, netstring",
        "autojoin any|autojoin any: R1 style resource management (haresources) conflicts with autojoin",
        "baud 19200 38400|baud multiply specified",
        "watchdog /dev/watchdog /dev/watchdog1|watchdog multiply specified",
        "respawn hacluster ipfail|respawn: client child command [ipfail] is not a full pathname",
        "apiauth ipfail hacluster|Invalid apiauth directive: usage: apiauth CLIENT [uid=USER,...] [gid=GROUP,...]",
        "udpport 70000|udpport: 70000 is outside 1..65535",
        "udpport ha-cluster|udpport: [ha-cluster] is not a number",
        "ucast eth0|usage: ucast IFACE PEER-ADDRESS",
        "bcast|usage: bcast IFACE [IFACE...]",
        "mcast eth0 10.0.0.1 694 1 0|mcast: [10.0.0.1] is not an IPv4 multicast group",
        "mcast eth0 239.0.0.300 694 1 0|mcast: [239.0.0.300] is not an IPv4 address",
        "mcast eth0 239.0.0.43 694 5 0|mcast: 5 is outside 1..4",
        "mcast eth0 239.0.0.43 694 1 2|mcast: 2 is outside 0..1",
        "mcast eth0 239.0.0.43 694 1|usage: mcast IFACE GROUP PORT TTL LOOP",
        "mcast6 eth0 fe80::1 694 1 0|mcast6: [fe80::1] is not an IPv6 multicast group",
        "ping6 10.0.0.1|ping6: [10.0.0.1] is not an IPv6 address",
        "ping_group onlyname|usage: ping_group NAME ADDRESS [ADDRESS...]",
        "auto_failback maybe|auto_failback: invalid value [maybe], expected on, off or legacy",
        "logfacility bogus|logfacility: invalid value [bogus], expected one of auth, authpriv, cron, daemon, ftp, kern, lpr, mail, news, syslog, user, uucp, local0, local1, local2, local3, local4, local5, local6, local7",
        "debug 300|debug: 300 is outside 0..255",
        "baud 1234|baud: unsupported rate 1234, expected one of [9600, 19200, 38400, 57600, 115200, 230400, 460800]",
        "realtime perhaps|realtime: invalid boolean value [perhaps]",
        "msgfmt xml|msgfmt: invalid value [xml], expected one of classic, netstring",
        "hbgenmethod random|hbgenmethod: invalid value [random], expected one of file, time",
        "env NOEQUALS|env: [NOEQUALS] is not NAME=value",
        "crm respawn|crm respawn: Pacemaker mode is not supported by this peer; it runs haresources (R1) clusters only",
        "pacemaker maybe|pacemaker: invalid value [maybe]",
        "stonith baytech|usage: stonith TYPE CONFIG-FILE",
        "respawn hacluster|usage: respawn USER /PATH/TO/PROGRAM [ARGS...]",
        "rtprio 0|rtprio: 0 is outside 1..99",
    })
    void badLinesAreErrorsNamingFileAndLine(String line, String problem) {
        assertThatThrownBy(() -> parse(BASE + line + "\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).isEqualTo("ha.cf:4: " + problem);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bcast eth0|0|no node directive: at least one node must be configured",
        "node a|0|No heartbeat media defined (bcast, ucast, mcast, ucast6, mcast6 or serial)",
        "node a\\nbcast eth0\\nkeepalive 2\\ndeadtime 4|4|Dead time [4000ms] is too small compared to keepalive [2000ms]: it must be more than twice the keepalive",
        "node a\\nbcast eth0\\ndeadtime 10\\ninitdead 9|4|Initial dead time [9000ms] is smaller than deadtime [10000ms]",
        "node a\\nbcast eth0\\nkeepalive 2\\ndeadping 4|4|Ping dead time [4000ms] is too small compared to keepalive [2000ms]: it must be more than twice the keepalive",
    })
    void crossChecksFailTheFile(String text, int line, String problem) {
        assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.problem()).isEqualTo(problem);
                });
    }

    @Test
    void doubtfulTimingsAreWarnings() throws Exception {
        HaCf cf = parse(BASE + "deadtime 4\nwarntime 5\ninitdead 8\n");
        assertThat(cf.warnings()).extracting(ConfigNotice::format).containsExactly(
                "ha.cf:5: warntime [5000ms] is not less than deadtime [4000ms]: late heartbeats will not be reported",
                "ha.cf:6: Initial dead time [8000ms] is less than 10 seconds: nodes may be declared dead while the system boots");
    }

    @Test
    void theLocalNodeMustBeConfigured() throws Exception {
        HaCf cf = parse(BASE);
        cf.requireLocalNode("ha.cf", "NodeA");
        assertThatThrownBy(() -> cf.requireLocalNode("ha.cf", "nodex")).hasMessage("ha.cf: Current node [nodex] not in configuration!");
    }

    @Test
    void readsFromAPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("ha.cf");
        java.nio.file.Files.writeString(file, BASE + "udpport x\n");
        assertThatThrownBy(() -> HaCfParser.read(file)).hasMessage(file + ":4: udpport: [x] is not a number");
    }
}
