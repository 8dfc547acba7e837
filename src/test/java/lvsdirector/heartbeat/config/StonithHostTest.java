package lvsdirector.heartbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StonithHostTest {
    private static final String BASE = "node a b\nbcast eth0\n";

    @Test
    void externalLinesAreKeptWithTheirCommand() throws Exception {
        HaCf haCf = HaCfParser.parse("ha.cf", BASE + "stonith_host b external /usr/local/sbin/reset-node --hard\n");
        assertThat(haCf.stonithHosts()).containsExactly(new StonithHost("b", "external", List.of("/usr/local/sbin/reset-node", "--hard"), 3));
        assertThat(haCf.stonithHosts().get(0).covers("B")).isTrue();
        assertThat(haCf.stonithHosts().get(0).covers("a")).isFalse();
        assertThat(haCf.notImplemented()).noneMatch(n -> n.message().contains("stonith_host"));
    }

    @Test
    void otherTypesAreAcceptedAndReportedOnceAsNotSupported() throws Exception {
        HaCf haCf = HaCfParser.parse("ha.cf", BASE + "stonith_host * baytech 10.0.0.3 login pw\nstonith_host * apcsmart /dev/ttyS1\n");
        assertThat(haCf.stonithHosts()).hasSize(2);
        assertThat(haCf.notImplemented()).filteredOn(n -> n.message().contains("stonith_host")).singleElement()
                .satisfies(n -> assertThat(n.format()).isEqualTo(
                        "ha.cf:3: directive stonith_host is not implemented: only the external type (a command) is supported; STONITH type baytech is ignored"));
        assertThat(new StonithHost("*", "baytech", List.of(), 1).covers("anything")).isTrue();
    }

    @Test
    void anExternalDeviceWithoutACommandIsRefusedWithItsLine() {
        assertThatThrownBy(() -> HaCfParser.parse("ha.cf", BASE + "stonith_host * external\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ha.cf").hasMessageContaining("3").hasMessageContaining("the command to run is missing");
    }
}
