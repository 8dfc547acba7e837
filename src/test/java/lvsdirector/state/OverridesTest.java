package lvsdirector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverridesTest {
    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void serverRefsParseNumericAddressesWithAndWithoutPorts() throws Exception {
        assertThat(ServerRef.parse("10.0.0.2")).isEqualTo(new ServerRef(ip("10.0.0.2"), null));
        assertThat(ServerRef.parse("10.0.0.2:8080")).isEqualTo(new ServerRef(ip("10.0.0.2"), 8080));
        assertThat(ServerRef.parse("[2001:db8::2]:80").toString()).isEqualTo("[2001:db8::2]:80");
        assertThat(ServerRef.parse("2001:db8::2").toString()).isEqualTo("2001:db8::2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.example.org", "10.0.0.256", "10.0.0.2:99999", "10.0.0.2:", "", "10.0.0"})
    void anythingElseIsRejectedWithTheText(String text) {
        assertThatThrownBy(() -> ServerRef.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void drainUndrainAndWeightKeepOneEntryPerServerAndScope() throws Exception {
        ServerRef a = ServerRef.parse("10.0.0.2:80");
        Overrides o = Overrides.NONE.drain(a, null, "root", T).weight(a, null, 7, "ops", T);
        assertThat(o.entries()).containsExactly(new RealOverride(a, null, true, 7, "ops", T));
        o = o.undrain(a, null, "root", T);
        assertThat(o.entries()).containsExactly(new RealOverride(a, null, false, 7, "root", T));
        assertThat(o.weight(a, null, null, "root", T).entries()).as("nothing left: the entry goes").isEmpty();
        assertThatThrownBy(() -> Overrides.NONE.weight(a, null, 65536, "root", T))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weight 65536 out of range 0..65535");
    }

    @Test
    void theMostSpecificMatchingEntryWins() throws Exception {
        Overrides o = Overrides.NONE
                .drain(ServerRef.parse("10.0.0.2"), null, "root", T)
                .weight(ServerRef.parse("10.0.0.2:80"), "tcp:192.0.2.1:80", 4, "root", T);
        assertThat(o.find("tcp:192.0.2.1:80", "192.0.2.1:80", ip("10.0.0.2"), 80).orElseThrow().weight()).isEqualTo(4);
        assertThat(o.find("tcp:192.0.2.9:80", "192.0.2.9:80", ip("10.0.0.2"), 80).orElseThrow().drained()).isTrue();
        assertThat(o.find("tcp:192.0.2.1:80", "192.0.2.1:80", ip("10.0.0.2"), 443).orElseThrow().drained()).isTrue();
        assertThat(o.find("tcp:192.0.2.1:80", "192.0.2.1:80", ip("10.0.0.3"), 80)).isEmpty();
        Overrides byName = Overrides.NONE.drain(ServerRef.parse("10.0.0.2"), "192.0.2.1:80", "root", T);
        assertThat(byName.find("tcp:192.0.2.1:80", "192.0.2.1:80", ip("10.0.0.2"), 80)).isPresent();
    }

    @Test
    void jsonRoundTrip() throws Exception {
        Overrides o = Overrides.NONE.drain(ServerRef.parse("[2001:db8::2]:80"), "tcp:[2001:db8::1]:80", "root", T)
                .weight(ServerRef.parse("10.0.0.3"), null, 0, null, T);
        assertThat(Overrides.fromJson(o.toJson())).isEqualTo(o);
        assertThatThrownBy(() -> Overrides.fromJson(new io.vertx.core.json.JsonObject(
                "{\"overrides\":[{\"server\":\"10.0.0.2\"},{\"server\":\"nope\"}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("overrides entry 2: not a real server");
    }
}
