package lvsdirector.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StateFile#inspect}: the envelope of any state file, for listings. */
class StateFileInspectTest {
    @TempDir
    Path dir;

    @Test
    void readsTheEnvelopeOfAFormatThisVersionDoesNotLoad() throws Exception {
        Path file = dir.resolve("health.json");
        Files.writeString(file, "{\"format\":7,\"seq\":12,\"node\":\"nodeb\",\"written_at_ms\":1000,\"x\":1}");
        StateRead read = StateFile.inspect(file);
        assertThat(read).isInstanceOf(StateRead.Present.class);
        StateDocument d = ((StateRead.Present) read).document();
        assertThat(d.format()).isEqualTo(7);
        assertThat(d.seq()).isEqualTo(12);
        assertThat(d.node()).isEqualTo("nodeb");
        assertThat(d.writtenAtMs()).isEqualTo(1000);
    }

    @Test
    void tornMissingAndEnvelopeLessFilesAreReportedNotThrown() throws Exception {
        Files.writeString(dir.resolve("torn.json"), "{\"format\":1,\"se");
        Files.writeString(dir.resolve("bare.json"), "{\"templates\":[]}");
        assertThat(StateFile.inspect(dir.resolve("torn.json")).problem()).contains("is not a JSON object");
        assertThat(StateFile.inspect(dir.resolve("bare.json")).problem()).contains("has no integer \"format\"");
        assertThat(StateFile.inspect(dir.resolve("none.json"))).isInstanceOf(StateRead.Missing.class);
    }
}
