package lvsdirector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcServicesTest {
    @Test
    void namesAliasesAndProtocols() {
        EtcServices s = EtcServices.of(List.of("# comment", "http 80/tcp www # web", "domain 53/udp",
                "domain 53/tcp", "bad line", "odd x/tcp"));
        assertThat(s.port("http", "tcp")).hasValue(80);
        assertThat(s.port("www", "tcp")).hasValue(80);
        assertThat(s.port("http", "udp")).isEmpty();
        assertThat(s.port("http", "")).as("any protocol").hasValue(80);
        assertThat(s.port("domain", "udp")).hasValue(53);
        assertThat(s.port("odd", "tcp")).isEmpty();
        assertThat(s.port("fwm", "tcp")).isEmpty();
    }

    @Test
    void builtInTableWhenTheFileIsMissing() {
        EtcServices s = EtcServices.fromFileOrBuiltIn(Path.of("/nonexistent/services"));
        assertThat(s.port("www", "tcp")).hasValue(80);
        assertThat(s.port("domain", "udp")).hasValue(53);
        assertThat(s.port("http", "udp")).as("as on Debian: no udp entry").isEmpty();
    }
}
