package lvsdirector.config;

import static lvsdirector.config.TestParsing.firstError;
import static lvsdirector.config.TestParsing.onlyVirtual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** real= / real6= forms. */
class RealLineTest {
    @TempDir
    Path root;

    private List<RealConfig> reals(String... realValues) {
        StringBuilder text = new StringBuilder("virtual=10.0.0.1:80\n");
        for (String r : realValues) {
            text.append("\treal=").append(r).append('\n');
        }
        return onlyVirtual(root, text.toString()).reals();
    }

    private RealConfig real(String value) {
        List<RealConfig> r = reals(value);
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            10.0.0.2:80 gate                          | 10.0.0.2 | 80   | GATE | 1  | null     | null | 0  | 0
            10.0.0.2 masq                             | 10.0.0.2 | 0    | MASQ | 1  | null     | null | 0  | 0
            10.0.0.2:8080 ipip 0                      | 10.0.0.2 | 8080 | IPIP | 0  | null     | null | 0  | 0
            10.0.0.2:www gate 3                       | 10.0.0.2 | 80   | GATE | 3  | null     | null | 0  | 0
            10.0.0.2:smtp masq                        | 10.0.0.2 | 25   | MASQ | 1  | null     | null | 0  | 0
            web1.example:80 gate                      | 10.1.0.1 | 80   | GATE | 1  | null     | null | 0  | 0
            localhost:http gate 2                     | 127.0.0.1 | 80  | GATE | 2  | null     | null | 0  | 0
            10.0.0.2:80 gate 5 "health", "OK"         | 10.0.0.2 | 80   | GATE | 5  | /health  | OK   | 0  | 0
            10.0.0.2:80 gate "/alive" "up"            | 10.0.0.2 | 80   | GATE | 1  | /alive   | up   | 0  | 0
            10.0.0.2:80 gate 2 "a b", "c d" l:5 u:50  | 10.0.0.2 | 80   | GATE | 2  | /a b     | c d  | 5  | 50
            10.0.0.2:80 gate l:5                      | 10.0.0.2 | 80   | GATE | 1  | null     | null | 5  | 0
            10.0.0.2:80 gate u:9                      | 10.0.0.2 | 80   | GATE | 1  | null     | null | 0  | 9
            10.0.0.2:80 gate "x", "has 200 inside"    | 10.0.0.2 | 80   | GATE | 200 | null    | null | 0  | 0
            10.0.0.2:80 gate-way                      | 10.0.0.2 | 80   | GATE | 1  | null     | null | 0  | 0
            10.0.0.2:80 gate u:1 l:2                  | 10.0.0.2 | 80   | GATE | 1  | null     | null | 2  | 0
            10.0.0.2:80 gate "a", "b" 7               | 10.0.0.2 | 80   | GATE | 7  | null     | null | 0  | 0
            """)
    void forms(String value, String address, int port, Forwarding fwd, int weight, String request, String receive,
               int lower, int upper) {
        if (value.contains("has 200 inside")) {
            // the unanchored weight pattern finds " 200" inside the quotes; the rest is then leftover
            assertThat(firstError(root, "virtual=10.0.0.1:80\n\treal=" + value + "\n"))
                    .isEqualTo("2: Invalid real server line, around \" inside\"\"");
            return;
        }
        if (value.endsWith("gate-way")) {
            // "\w+" stops at "-": the method is "gate" and "-way" is leftover
            assertThat(firstError(root, "virtual=10.0.0.1:80\n\treal=" + value + "\n"))
                    .isEqualTo("2: Invalid real server line, around \"-way\"");
            return;
        }
        // "u:1 l:2": the unanchored l: pattern skips " u:1", which is lost; "... 7" after the pair is taken as
        // the weight by the unanchored weight pattern, and the pair is lost with it
        RealConfig r = real(value);
        assertThat(r.address().getHostAddress()).isEqualTo(address);
        assertThat(r.port()).isEqualTo(port);
        assertThat(r.forwarding()).isEqualTo(fwd);
        assertThat(r.weight()).isEqualTo(weight);
        assertThat(r.request()).isEqualTo(request);
        assertThat(r.receive()).isEqualTo(receive);
        assertThat(r.lowerThreshold()).isEqualTo(lower);
        assertThat(r.upperThreshold()).isEqualTo(upper);
        assertThat(r.line()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.2:80                  | invalid address for real server (wrong format)
            10.0.0.2:80 route            | forward method must be gate, masq or ipip
            10.0.0.2:80 gate 5 junk      | Invalid real server line, around " junk"
            nowhere.invalid:80 gate      | invalid address (nowhere.invalid) for real server (could not resolve host)
            10.0.0.2:99999 gate          | invalid port (99999) for real server (could not resolve port)
            10.0.0.2:nosuchport gate     | invalid port (nosuchport) for real server (could not resolve port)
            10.0.0.9->10.0.0.3:80 gate   | Invalid Range: 10.0.0.9-10.0.0.3: First value must be greater than or equal to the second value
            10.0.0.2->nowhere.invalid gate | invalid address (nowhere.invalid) for real server (could not resolve end host)
            [::1]:80 gate                | invalid address ([::1]) for real server (could not resolve host)
            10.0.0.0->10.1.0.0 gate      | Invalid Range: 10.0.0.0-10.1.0.0: more than 65536 addresses
            """)
    void errors(String value, String message) {
        assertThat(firstError(root, "virtual=10.0.0.1:80\n\treal=ok.invalid gate\n\treal=" + value + "\n")
                .replace("2: invalid address (ok.invalid) for real server (could not resolve host)", "skip"))
                .isIn("2: " + message, "3: " + message, "skip");
        assertThat(firstError(root, "virtual=10.0.0.1:80\n\treal=" + value + "\n")).isEqualTo("2: " + message);
    }

    @Test
    void rangeGivesOneRealPerAddressWithSameFlags() {
        assertThat(reals("10.0.0.8->10.0.0.11:8080 masq 3 l:1"))
                .extracting(r -> r.address().getHostAddress(), RealConfig::port, RealConfig::weight,
                        RealConfig::lowerThreshold, RealConfig::line)
                .containsExactly(tuple("10.0.0.8", 8080, 3, 1, 2), tuple("10.0.0.9", 8080, 3, 1, 2),
                        tuple("10.0.0.10", 8080, 3, 1, 2), tuple("10.0.0.11", 8080, 3, 1, 2));
        assertThat(reals("web1.example->web2.example gate")).hasSize(9);
        assertThat(reals("10.0.0.5->10.0.0.5 gate")).hasSize(1);
    }

    @Test
    void rangeCrossingADecimalLengthBoundaryStopsEarlyLikeLdirectord() {
        // 5.245.224.255 is 99999999 and 5.245.225.0 is 100000000: ldirectord compares "99999998" le "100000002"
        // as strings, which is false, so the range yields no real server at all.
        assertThat(reals("5.245.224.254->5.245.225.2 gate")).isEmpty();
        assertThat(reals("59.154.201.255->59.154.202.3 gate")).isEmpty();
        // "1" le "12" holds, "2" le "12" does not: one real only
        assertThat(reals("0.0.0.1->0.0.0.12 gate")).extracting(r -> r.address().getHostAddress())
                .containsExactly("0.0.0.1");
    }

    @Test
    void ipv6RealsAndTheirErrors() {
        VirtualConfig v = onlyVirtual(root, "virtual6=[fd00::1]:80\n\treal6=[fd00::2]:8080 masq 4\n"
                + "\treal6=v6only.example gate\n");
        assertThat(v.reals()).extracting(r -> r.address().getHostAddress(), RealConfig::port)
                .containsExactly(tuple("fd00:0:0:0:0:0:0:2", 8080), tuple("fd00:0:0:0:0:0:0:7", 0));
        assertThat(firstError(root, "virtual6=[fd00::1]:80\n\treal6=[fd00::2]->[fd00::5]:80 gate\n"))
                .isEqualTo("2: Address range for IPv6 is not supported yet");
        assertThat(firstError(root, "virtual6=[fd00::1]:80\n\treal6=10.0.0.1:80 gate\n"))
                .isEqualTo("2: invalid address (10.0.0.1) for real server (could not resolve host)");
    }

    @Test
    void duplicateRealLinesAreKept() {
        assertThat(reals("10.0.0.2:80 gate", "10.0.0.2:80 gate")).hasSize(2);
    }

    @Test
    void perRealRequestGetsSlashButStartingSlashIsKept() {
        assertThat(real("10.0.0.2:80 gate \"/x\",\"y\"").request()).isEqualTo("/x");
        assertThat(real("10.0.0.2:80 gate \"x\",\"\"").receive()).isEmpty();
    }
}
