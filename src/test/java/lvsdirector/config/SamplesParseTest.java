package lvsdirector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped sample parses in both modes with the hermetic set-up (log and monitor paths below a temp
 * root; only "localhost" is a host name in them). The spot checks pin what the samples' headers promise.
 */
class SamplesParseTest {
    private static final Path SAMPLES = Path.of("src/test/resources/ldirectord-samples");

    @TempDir
    Path root;

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".cf")).sorted().toList().stream();
        }
    }

    private DirectorConfig parse(String name) {
        ParseResult r = new ConfigParser(TestParsing.options(root)).parse(SAMPLES.resolve(name), ParseMode.FIRST_ERROR);
        assertThat(r.errors()).isEmpty();
        return r.config();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void parsesInBothModes(Path sample) {
        ParserOptions options = TestParsing.options(root);
        for (ParseMode mode : ParseMode.values()) {
            ParseResult r = new ConfigParser(options).parse(sample, mode);
            assertThat(r.errors()).as(mode.toString()).isEmpty();
            assertThat(r.config().virtuals()).isNotEmpty();
            assertThat(r.config().virtuals()).allSatisfy(v -> assertThat(v.reals()).isNotEmpty());
        }
    }

    @Test
    void quiescentSample() {
        DirectorConfig c = parse("02-http-quiescent-failurecount.cf");
        assertThat(c.globals().quiescent()).isTrue();
        assertThat(c.globals().readdQuiescent()).isTrue();
        assertThat(c.globals().failureCount()).isEqualTo(3);
        RealConfig first = c.virtuals().get(0).reals().get(0);
        assertThat(first.lowerThreshold()).isEqualTo(50);
        assertThat(first.upperThreshold()).isEqualTo(200);
        RealConfig third = c.virtuals().get(0).reals().get(2);
        assertThat(third.request()).isEqualTo("/status.html");
        assertThat(third.receive()).isEqualTo("^ALIVE");
        assertThat(c.warnings()).extracting(ConfigMessage::message).contains("maintenance directory does not exist");
    }

    @Test
    void fwmarkRangeSample() {
        DirectorConfig c = parse("04-fwmark-range-connect.cf");
        VirtualConfig v = c.virtuals().stream().filter(x -> x.address() instanceof VirtualAddress.Fwmark).findFirst()
                .orElseThrow();
        assertThat(v.protocol()).isEqualTo(VirtualProtocol.FWM);
        assertThat(c.virtuals().stream().flatMap(x -> x.reals().stream()).map(r -> r.address().getHostAddress()))
                .contains("192.168.6.2", "192.168.6.3", "192.168.6.4", "192.168.6.5", "192.168.6.6", "192.168.6.7");
    }

    @Test
    void udpDnsSample() {
        DirectorConfig c = parse("05-udp-dns-ping.cf");
        assertThat(c.virtuals()).filteredOn(v -> v.id().startsWith("udp:192.168.10.53:53")).hasSize(1);
        assertThat(c.virtuals()).anySatisfy(v -> assertThat(v.id()).isEqualTo("tcp:192.168.10.53:53"));
        assertThat(c.warnings()).extracting(ConfigMessage::message).contains(Texts.CHECKCOUNT_DEPRECATED);
    }

    @Test
    void ipv6Sample() {
        DirectorConfig c = parse("09-ipv6.cf");
        assertThat(c.virtuals()).extracting(VirtualConfig::id).contains("tcp:[2001:db8::5]:80", "fwm6:3");
        assertThat(c.globals().fallback6()).isNotNull();
    }

    @Test
    void edgeCaseSample() {
        ParseResult r = new ConfigParser(TestParsing.options(root))
                .parse(SAMPLES.resolve("12-syntax-edge-cases.cf"), ParseMode.FIRST_ERROR);
        DirectorConfig c = r.config();
        VirtualConfig http = c.virtuals().get(0);
        assertThat(http.id()).isEqualTo("tcp:127.0.0.1:80");
        assertThat(http.reals()).extracting(RealConfig::port, RealConfig::weight).containsExactly(
                org.assertj.core.groups.Tuple.tuple(80, 2), org.assertj.core.groups.Tuple.tuple(80, 0));
        assertThat(http.check().httpMethod()).isEqualTo("GET");
        assertThat(http.check().checkType()).isEqualTo(CheckType.COMBINED);
        assertThat(http.check().virtualHost()).isEqualTo("intranet.example.com");
        assertThat(c.virtuals().get(1).address()).isEqualTo(new VirtualAddress.Fwmark(10));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(OwnWarnings.isOwn(w)).isTrue());
    }
}
