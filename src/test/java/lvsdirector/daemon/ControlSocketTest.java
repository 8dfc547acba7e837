package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlSocketTest {
    @TempDir
    Path dir;

    @Test
    void requestReachesTheHandlerAndTheReplyCarriesStatusAndOutput() throws Exception {
        Path socket = dir.resolve("run/ctl.sock");
        try (ControlServer server = ControlServer.start(socket, (args, out) -> {
            out.print("args=" + String.join(",", args) + "\n");
            return args.size();
        })) {
            ControlClient.Reply reply = ControlClient.request(socket, List.of("-L", "-n", "--stats"));
            assertThat(reply.status()).isEqualTo(3);
            assertThat(reply.output()).isEqualTo("args=-L,-n,--stats\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void aDaemonThatNeverAnswersEndsTheWaitWithAClearError() throws Exception {
        Path socket = dir.resolve("ctl.sock");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (ControlServer server = ControlServer.start(socket, (args, out) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        })) {
            long start = System.nanoTime();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ControlClient.request(socket, List.of("activate"),
                    java.time.Duration.ofMillis(400)))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessage("no answer to 'activate' from the daemon on " + socket + " within 0s; it may be hung:"
                            + " see its log, and stop it (kill) if it stays so");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(400L, 5_000L);
            release.countDown();
        }
    }

    @Test
    void aFailingHandlerDoesNotStopTheServer() throws Exception {
        Path socket = dir.resolve("ctl.sock");
        try (ControlServer server = ControlServer.start(socket, (args, out) -> {
            if (args.contains("boom")) {
                throw new IllegalStateException("boom");
            }
            out.print("fine");
            return 0;
        })) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ControlClient.request(socket, List.of("boom")))
                    .isInstanceOf(java.io.IOException.class);
            assertThat(ControlClient.request(socket, List.of("x")).output()).isEqualTo("fine");
        }
    }
}
