package lvsdirector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private StateFile file() {
        return new StateFile(dir, "persistence.json", 1, "nodeA", CLOCK);
    }

    @Test
    void writesTheEnvelopeAndThePayloadAndReadsThemBack() throws IOException {
        StateDocument written = file().write(new JsonObject().put("templates", new io.vertx.core.json.JsonArray().add("x")));
        assertThat(written.seq()).isEqualTo(1);
        JsonObject onDisk = new JsonObject(Files.readString(dir.resolve("persistence.json")));
        assertThat(onDisk.getInteger("format")).isEqualTo(1);
        assertThat(onDisk.getLong("seq")).isEqualTo(1);
        assertThat(onDisk.getString("node")).isEqualTo("nodeA");
        assertThat(onDisk.getLong("written_at_ms")).isEqualTo(CLOCK.millis());
        assertThat(onDisk.getJsonArray("templates").getString(0)).isEqualTo("x");

        StateRead read = file().read();
        assertThat(read).isInstanceOf(StateRead.Present.class);
        StateDocument doc = ((StateRead.Present) read).document();
        assertThat(doc.payload().fieldNames()).containsExactly("templates");
        assertThat(doc.node()).isEqualTo("nodeA");
        assertThat(dir.resolve(".persistence.json.tmp")).doesNotExist();
    }

    @Test
    void theNextSequenceNumberIsTheLastOneReadPlusOneAcrossInstances() throws IOException {
        file().write(new JsonObject());
        file().write(new JsonObject());
        StateFile later = new StateFile(dir, "persistence.json", 1, "nodeB", CLOCK);
        assertThat(later.write(new JsonObject()).seq()).isEqualTo(3);
        assertThat(later.update(p -> p.put("n", 1)).seq()).isEqualTo(4);
    }

    @Test
    void anUnknownFormatIsRejectedWithFileAndFormatAndNeverOverwritten() throws IOException {
        String newer = "{\"format\":2,\"seq\":9,\"node\":\"x\",\"written_at_ms\":1}\n";
        Files.writeString(dir.resolve("persistence.json"), newer);
        StateRead read = file().read();
        assertThat(read).isInstanceOf(StateRead.UnknownFormat.class);
        assertThat(read.problem()).isEqualTo("state file " + dir.resolve("persistence.json")
                + " has format 2, but this lvs-director reads format 1 only; leaving it untouched");
        assertThatThrownBy(() -> file().write(new JsonObject())).isInstanceOf(IOException.class)
                .hasMessageContaining("has format 2");
        assertThat(Files.readString(dir.resolve("persistence.json"))).isEqualTo(newer);
    }

    @Test
    void aParseErrorIsNoStateWithASpecificError() throws IOException {
        Files.writeString(dir.resolve("persistence.json"), "{\"format\":1,\"seq\":");
        StateRead read = file().read();
        assertThat(read).isInstanceOf(StateRead.Corrupt.class);
        assertThat(read.problem()).startsWith("state file " + dir.resolve("persistence.json") + " is not a JSON object (")
                .endsWith("); treating it as no state");

        Files.writeString(dir.resolve("persistence.json"), "{\"format\":1,\"node\":\"a\"}");
        assertThat(file().read().problem()).contains("has no non-negative integer \"seq\"");
        Files.writeString(dir.resolve("persistence.json"), "[1,2]");
        assertThat(file().read()).isInstanceOf(StateRead.Corrupt.class);
        assertThat(file().write(new JsonObject()).seq()).as("a corrupt file is replaced").isEqualTo(1);
    }

    @Test
    void aMissingFileIsMissingNotAProblem() {
        StateRead read = file().read();
        assertThat(read).isInstanceOf(StateRead.Missing.class);
        assertThat(read.problem()).isNull();
    }

    @Test
    void aPayloadMayNotSetTheEnvelope() {
        assertThatThrownBy(() -> file().write(new JsonObject().put("seq", 99))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("envelope field seq");
        assertThatThrownBy(() -> new StateFile(dir, "../x.json", 1, "n", CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }
}
