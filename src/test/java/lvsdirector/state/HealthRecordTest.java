package lvsdirector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRecordTest {
    private static final HealthRecord RECORD = new HealthRecord(List.of(
            new HealthRecord.RealHealth("tcp:192.0.2.1:80", "10.0.0.2:80", true, Instant.ofEpochMilli(1_764_120_000_123L)),
            new HealthRecord.RealHealth("tcp:192.0.2.1:80", "10.0.0.3:80", false, null),
            new HealthRecord.RealHealth("fwm:7", "[2001:db8::2]:443", false, Instant.ofEpochMilli(5))));

    @Test
    void roundTripsGroupedByVirtual() {
        JsonObject json = RECORD.toJson();
        assertThat(json.getJsonObject("virtuals").fieldNames()).containsExactly("tcp:192.0.2.1:80", "fwm:7");
        assertThat(json.getJsonObject("virtuals").getJsonArray("tcp:192.0.2.1:80").getJsonObject(0).encode())
                .isEqualTo("{\"server\":\"10.0.0.2:80\",\"health\":\"up\",\"since_ms\":1764120000123}");
        assertThat(HealthRecord.fromJson(new JsonObject(json.encode()))).isEqualTo(RECORD);
        assertThat(RECORD.find("tcp:192.0.2.1:80", "10.0.0.3:80")).get().extracting(HealthRecord.RealHealth::up)
                .isEqualTo(false);
        assertThat(RECORD.find("tcp:192.0.2.9:80", "10.0.0.3:80")).isEmpty();
    }

    @Test
    void badEntriesAreNamed() {
        assertThatThrownBy(() -> HealthRecord.fromJson(new JsonObject()))
                .hasMessage("no \"virtuals\" object");
        assertThatThrownBy(() -> HealthRecord.fromJson(new JsonObject("{\"virtuals\":{\"fwm:7\":{}}}")))
                .hasMessage("virtual fwm:7: expected a list of reals");
        assertThatThrownBy(() -> HealthRecord.fromJson(new JsonObject("{\"virtuals\":{\"fwm:7\":[{\"health\":\"up\"}]}}")))
                .hasMessageStartingWith("virtual fwm:7: a real without \"server\"");
        assertThatThrownBy(() -> HealthRecord.fromJson(new JsonObject(
                "{\"virtuals\":{\"fwm:7\":[{\"server\":\"10.0.0.2:80\",\"health\":true}]}}")))
                .hasMessage("virtual fwm:7, real 10.0.0.2:80: \"health\" must be \"up\" or \"down\", got true");
    }
}
