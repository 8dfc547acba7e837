package lvsdirector.heartbeat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import lvsdirector.heartbeat.wire.AuthMethod;
import org.junit.jupiter.api.Test;

/** The sample files shipped in heartbeat/ are valid. */
class SampleFilesTest {
    private static final Path DIR = Path.of("heartbeat");

    @Test
    void sampleConfigurationParses() throws Exception {
        HaCf cf = HaCfParser.read(DIR.resolve("ha.cf"));
        assertThat(cf.nodes()).containsExactly("director1", "director2");
        assertThat(cf.media()).containsExactly(new Medium.Bcast("eth1"));
        assertThat(cf.autoFailback()).isEqualTo(AutoFailback.ON);
        assertThat(cf.notImplemented()).isEmpty();
        assertThat(cf.warnings()).isEmpty();

        Haresources h = HaresourcesParser.read(DIR.resolve("haresources"), Set.copyOf(cf.nodes()));
        assertThat(h.groups()).singleElement().satisfies(g -> {
            assertThat(g.node()).isEqualTo("director1");
            assertThat(g.key()).isEqualTo("IPaddr2::192.168.1.100/24/eth0");
            assertThat(g.resources()).hasSize(2);
        });

        String authkeys = Files.readString(DIR.resolve("authkeys"));
        assertThat(authkeys).contains("chmod 600");
        assertThat(AuthkeysParser.parse("authkeys", authkeys).signingKey().method()).isEqualTo(AuthMethod.SHA1);
    }
}
