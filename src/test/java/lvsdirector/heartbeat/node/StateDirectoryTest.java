package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void generationStartsAtTheClockAndGrowsByOneInHeartbeatsFormat() throws IOException {
        StateDirectory state = new StateDirectory(dir);
        assertThat(state.currentGeneration()).isEqualTo(-1);
        assertThat(state.nextGeneration(1795627102L)).isEqualTo(1795627102L);
        // byte-for-byte what heartbeat 3.0.6 wrote in the interop run
        assertThat(Files.readString(dir.resolve("hb_generation"))).isEqualTo("     1795627102\n");
        assertThat(state.nextGeneration(5)).isEqualTo(1795627103L);
        assertThat(new StateDirectory(dir).currentGeneration()).isEqualTo(1795627103L);
        assertThat(dir.resolve("hb_generation.new")).doesNotExist();
    }

    @Test
    void readsAGenerationHeartbeatWrote() throws IOException {
        Files.writeString(dir.resolve("hb_generation"), "     1795627102\n");
        assertThat(new StateDirectory(dir).nextGeneration(1)).isEqualTo(1795627103L);
    }

    @Test
    void corruptGenerationIsAnErrorNotARestartFromScratch() throws IOException {
        Files.writeString(dir.resolve("hb_generation"), "garbage");
        assertThatThrownBy(() -> new StateDirectory(dir).nextGeneration(1))
                .isInstanceOf(IOException.class).hasMessageContaining("does not hold a generation number: [garbage]");
    }

    @Test
    void uuidIsCreatedOnceAs16RawBytesAndKept() throws IOException {
        byte[] first = new StateDirectory(dir).uuid();
        assertThat(first).hasSize(16);
        assertThat(Files.readAllBytes(dir.resolve("hb_uuid"))).isEqualTo(first);
        assertThat(new StateDirectory(dir).uuid()).isEqualTo(first);
    }

    @Test
    void uuidFileOfWrongSizeIsRejected() throws IOException {
        Files.write(dir.resolve("hb_uuid"), "short".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new StateDirectory(dir).uuid()).hasMessageContaining("holds 5 bytes");
    }
}
