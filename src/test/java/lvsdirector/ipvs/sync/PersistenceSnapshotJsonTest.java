package lvsdirector.ipvs.sync;

import static lvsdirector.ipvs.sync.SyncCodecTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersistenceSnapshotJsonTest {
    static final PersistenceSnapshot SNAPSHOT = new PersistenceSnapshot("nodeA", 1_700_000_000_000L, List.of(
            new PersistenceTemplate(TemplateProtocol.TCP, ip("10.0.1.10"), ip("10.0.1.100"), 80, 0, ip("10.0.2.11"), 80,
                    "ASSURED", 1_700_000_290_000L),
            new PersistenceTemplate(TemplateProtocol.IP, ip("10.0.1.11"), ip("0.0.0.1"), 0, 1, ip("10.0.3.12"), 0,
                    "NONE", 1_700_000_100_000L),
            new PersistenceTemplate(TemplateProtocol.UDP, ip("2001:db8::10"), ip("2001:db8::1"), 53, 0,
                    ip("2001:db8:2::11"), 53, "NONE", 1_700_000_050_000L)));

    @Test
    void documentHasTheShapeOfTheDesign() {
        JsonObject json = PersistenceSnapshotJson.toJson(SNAPSHOT);

        assertThat(json.getInteger("format")).isEqualTo(1);
        assertThat(json.getString("node")).isEqualTo("nodeA");
        assertThat(json.getLong("written_at_ms")).isEqualTo(1_700_000_000_000L);
        assertThat(json.getJsonArray("templates").getJsonObject(0)).isEqualTo(new JsonObject(
                "{\"proto\":\"TCP\",\"client\":\"10.0.1.10\",\"vip\":\"10.0.1.100\",\"vport\":80,\"fwmark\":0,"
                        + "\"rs\":\"10.0.2.11\",\"rport\":80,\"state\":\"ASSURED\",\"expires_at_ms\":1700000290000}"));
        assertThat(json.getJsonArray("templates").getJsonObject(2).getString("client")).isEqualTo("2001:db8::10");
    }

    @Test
    void roundTrips() throws Exception {
        assertThat(PersistenceSnapshotJson.decode(PersistenceSnapshotJson.encode(SNAPSHOT))).isEqualTo(SNAPSHOT);
    }

    @Test
    void unknownFormatIsRefused() {
        String text = PersistenceSnapshotJson.toJson(SNAPSHOT).put("format", 2).encode();
        assertThatThrownBy(() -> PersistenceSnapshotJson.decode(text))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessage("unknown persistence snapshot format 2, expected 1");
    }

    @Test
    void missingOrBadFieldsAreNamed() {
        JsonObject json = PersistenceSnapshotJson.toJson(SNAPSHOT);
        json.getJsonArray("templates").getJsonObject(1).remove("rs");
        assertThatThrownBy(() -> PersistenceSnapshotJson.decode(json.encode()))
                .hasMessage("persistence snapshot lacks templates[1].rs");

        JsonObject badAddress = PersistenceSnapshotJson.toJson(SNAPSHOT);
        badAddress.getJsonArray("templates").getJsonObject(0).put("client", "example.com");
        assertThatThrownBy(() -> PersistenceSnapshotJson.decode(badAddress.encode()))
                .hasMessage("templates[0].client: not a numeric address: example.com");

        JsonObject badState = PersistenceSnapshotJson.toJson(SNAPSHOT);
        badState.getJsonArray("templates").getJsonObject(0).put("state", "ESTABLISHED");
        assertThatThrownBy(() -> PersistenceSnapshotJson.decode(badState.encode()))
                .hasMessage("templates[0]: unknown template state ESTABLISHED");

        assertThatThrownBy(() -> PersistenceSnapshotJson.decode("{\"format\":1,\"node\":\"a\",\"written_at_ms\":\"x\"}"))
                .isInstanceOf(SnapshotFormatException.class);
        assertThatThrownBy(() -> PersistenceSnapshotJson.decode("not json"))
                .hasMessageStartingWith("persistence snapshot is not a JSON object");
    }
}
