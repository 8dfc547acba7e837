package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import lvsdirector.config.ConfigParser;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.ParseMode;
import lvsdirector.config.ParseResult;
import lvsdirector.config.ParserOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The start-up capability check against /proc/self/status texts as the kernel writes them. */
class CapabilityCheckTest {
    private static final String NO_PING_GROUPS = "1\t0\n";

    /** A /proc/PID/status excerpt: the unit's user (uid/gid 998) with the given effective set. */
    private static String status(String capEff, String groups) {
        return "Name:\tjava\nUid:\t998\t998\t998\t998\nGid:\t998\t998\t998\t998\nGroups:\t" + groups + "\n"
                + "CapInh:\t0000000000003000\nCapPrm:\t" + capEff + "\nCapEff:\t" + capEff + "\n"
                + "CapBnd:\t0000000000003000\nCapAmb:\t" + capEff + "\n";
    }

    @Test
    void bothCapabilitiesNothingIsMissing() {
        assertThat(CapabilityCheck.missing(status("0000000000003000", ""), NO_PING_GROUPS, true)).isEmpty();
    }

    @Test
    void withoutNetAdminOneLineNamesItAndHowToGrantIt() {
        Optional<String> line = CapabilityCheck.missing(status("0000000000002000", ""), NO_PING_GROUPS, false);
        assertThat(line).contains("cannot start: the kernel IPVS backend needs CAP_NET_ADMIN, which this process"
                + " (uid 998) does not have; run it as root or grant it in its systemd unit with"
                + " AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW (as lvs-ldirectord.service does)");
        assertThat(line.get()).doesNotContain("\n");
    }

    @Test
    void withoutNetRawOnlyPingChecksNeedIt() {
        String adminOnly = status("0000000000001000", "");
        assertThat(CapabilityCheck.missing(adminOnly, NO_PING_GROUPS, false)).isEmpty();
        assertThat(CapabilityCheck.missing(adminOnly, NO_PING_GROUPS, true)).contains("cannot start: ping checks"
                + " (checktype=ping, or connect on a UDP virtual) need CAP_NET_RAW, which this process (uid 998) does not"
                + " have, and net.ipv4.ping_group_range (1 0) admits none of its groups; grant it in its systemd unit"
                + " with AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW, run it as root, or widen ping_group_range");
    }

    @ParameterizedTest(name = "groups \"{0}\", range \"{1}\": ping sockets allowed = {2}")
    @CsvSource(delimiter = '|', value = {
        "''      | 1\t0          | false",
        "''      | 0\t2147483647 | true",
        "''      | 998\t998      | true",
        "''      | 999\t1000     | false",
        "4 27    | 20\t30       | true",
        "4 27    | 28\t30       | false",
        "''      | garbage      | false"})
    void pingSocketsFollowTheGidTheSupplementaryGroupsAndTheRange(String groups, String range, boolean allowed) {
        String adminOnly = status("0000000000001000", groups);
        assertThat(CapabilityCheck.pingSocketsAllowed(adminOnly, range)).isEqualTo(allowed);
        assertThat(CapabilityCheck.missing(adminOnly, range, true).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void theSysctlIsReadWholeNotJustItsFirstByte() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(CapabilityCheck.PING_GROUP_RANGE));
        // proc_dointvec answers nothing at a non-zero offset: a reader that takes one byte first gets "1"
        assertThat(CapabilityCheck.read(CapabilityCheck.PING_GROUP_RANGE)).matches("\\d+\\s+\\d+\\s*");
    }

    @Test
    void anUnparsableStatusLeavesTheVerdictToTheBackend() {
        assertThat(CapabilityCheck.missing("Name:\tjava\n", NO_PING_GROUPS, true)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "checktype=ping                       | tcp | true",
        "checktype=connect                    | udp | true",
        "checktype=connect                    | tcp | false",
        "checktype=negotiate;service=http     | tcp | false"})
    void whichConfigurationsPing(String check, String protocol, boolean pings) {
        String text = "virtual=192.0.2.1:53\n\treal=10.0.0.2:53 gate\n\tprotocol=" + protocol + "\n\t"
                + check.replace(";", "\n\t") + "\n";
        ParseResult parsed = new ConfigParser(ParserOptions.system()).parseText(Path.of("t.cf"), "t.cf", text, ParseMode.ALL);
        assertThat(parsed.errors()).isEmpty();
        DirectorConfig config = parsed.config();
        assertThat(CapabilityCheck.pings(config)).isEqualTo(pings);
    }
}
