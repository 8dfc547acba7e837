package lvsdirector.heartbeat.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import lvsdirector.heartbeat.wire.AuthKeys;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer: the three parsers either return a model that satisfies heartbeat's invariants or throw a
 * {@link ConfigException} with a location; nothing else escapes.
 */
@Tag("fuzz")
class ConfigParsersFuzzTest {
    private static final Set<String> NODES = Set.of("nodea", "nodeb");

    @FuzzTest(maxDuration = "30s")
    void haCf(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            HaCf cf = HaCfParser.parse("ha.cf", text);
            assertThat(cf.nodes()).isNotEmpty().allSatisfy(n -> assertThat(n).isLowerCase());
            assertThat(cf.media()).isNotEmpty();
            assertThat(cf.deadtime()).isGreaterThan(cf.keepalive().multipliedBy(2));
            assertThat(cf.initdead()).isGreaterThanOrEqualTo(cf.deadtime());
            assertThat(cf.udpPort()).isBetween(1, 65535);
        } catch (ConfigException e) {
            assertThat(e.file()).isEqualTo("ha.cf");
            assertThat(e.problem()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void haresources(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Haresources h = HaresourcesParser.parse("haresources", text, NODES);
            assertThat(h.groups()).allSatisfy(g -> {
                assertThat(NODES).contains(g.node());
                assertThat(g.line()).isPositive();
                assertThat(g.resources()).allSatisfy(r -> assertThat(r.script()).isNotEmpty().doesNotContain("/"));
            });
        } catch (ConfigException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.problem()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void authkeys(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            AuthKeys keys = AuthkeysParser.parse("authkeys", text);
            assertThat(keys.key(keys.signingIndex())).contains(keys.signingKey());
        } catch (ConfigException e) {
            assertThat(e.problem()).isNotBlank();
        }
    }
}
