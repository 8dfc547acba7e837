package lvsdirector.heartbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HaresourcesParserTest {
    private static final Set<String> NODES = Set.of("nodea", "nodeb");

    private static Haresources parse(String text) throws ConfigException {
        return HaresourcesParser.parse("haresources", text, NODES);
    }

    @Test
    void readsTheHaresourcesOfTheRealRun() throws Exception {
        Haresources h = parse(HaCfParserTest.resource("main-sha1-bcast/haresources.txt"));

        assertThat(h.groups()).hasSize(1);
        ResourceGroup g = h.groups().get(0);
        assertThat(g.node()).isEqualTo("nodea");
        assertThat(g.line()).isEqualTo(1);
        assertThat(g.key()).isEqualTo("IPaddr::10.200.0.100/24/eth0");
        assertThat(g.resources()).containsExactly(
                new Resource("IPaddr::10.200.0.100/24/eth0", "IPaddr", List.of("10.200.0.100/24/eth0")),
                new Resource("ldirectord::ldirectord.cf", "ldirectord", List.of("ldirectord.cf")));
        assertThat(g.resources().get(1).command("start")).containsExactly("ldirectord.cf", "start");
        assertThat(h.groupsOf("NodeA")).containsExactly(g);
        assertThat(h.groupsNotOf("nodea")).isEmpty();
        assertThat(h.groupsNotOf("nodeb")).containsExactly(g);
    }

    @Test
    void handlesCommentsContinuationsBareAddressesAndMultipleArguments() throws Exception {
        Haresources h = parse("""
                # primary's group
                NodeA 10.200.0.100 \\
                \tIPaddr::10.200.0.101/24/eth0/10.200.0.255   # the second VIP
                \r
                nodeb   Filesystem::/dev/drbd0::/data::ext4 \\
                  apache
                """);

        assertThat(h.groups()).hasSize(2);
        ResourceGroup a = h.groups().get(0);
        assertThat(a.node()).isEqualTo("nodea");
        assertThat(a.line()).isEqualTo(2);
        assertThat(a.key()).isEqualTo("10.200.0.100");
        assertThat(a.resources()).containsExactly(new Resource("10.200.0.100", "IPaddr", List.of("10.200.0.100")),
                new Resource("IPaddr::10.200.0.101/24/eth0/10.200.0.255", "IPaddr", List.of("10.200.0.101/24/eth0/10.200.0.255")));
        ResourceGroup b = h.groups().get(1);
        assertThat(b.line()).isEqualTo(5);
        assertThat(b.resources()).containsExactly(
                new Resource("Filesystem::/dev/drbd0::/data::ext4", "Filesystem", List.of("/dev/drbd0", "/data", "ext4")),
                new Resource("apache", "apache", List.of()));
        assertThat(b.resources().get(0).command("stop")).containsExactly("/dev/drbd0", "/data", "ext4", "stop");
    }

    @Test
    void anEmptyFileHasNoGroups() throws Exception {
        assertThat(parse("# nothing\n\n").groups()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nodex 10.0.0.1|1|Bad nodename in haresources [nodex]: not a node of ha.cf",
        "# c\\nnodea|2|node nodea has no resources",
        "nodea ::arg|1|resource [::arg] does not name a script (expected script or script::arg...)",
        "nodea ../evil::x|1|resource [../evil::x] does not name a script (expected script or script::arg...)",
        "\\nnodea apache \\\\|2|line continued with '\\' at the end of the file",
    })
    void errorsNameFileAndLine(String text, int line, String problem) {
        assertThatThrownBy(() -> parse(text.replace("\\n", "\n").replace("\\\\", "\\")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo("haresources");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.problem()).startsWith(problem);
                });
    }
}
