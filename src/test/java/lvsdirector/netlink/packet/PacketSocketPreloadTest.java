package lvsdirector.netlink.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The preload binds the native functions only: no socket is opened, nothing fails without privileges. */
class PacketSocketPreloadTest {

    @Test
    void preloadOpensNoSocketAndNeverThrows() throws IOException {
        long before = openSockets();
        assertThatCode(PacketSocket::preload).doesNotThrowAnyException();
        assertThatCode(PacketSocket::preload).as("again: already bound").doesNotThrowAnyException();
        // loading the native library may open files; no socket may be opened
        assertThat(openSockets()).isLessThanOrEqualTo(before);
    }

    private static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }
}
