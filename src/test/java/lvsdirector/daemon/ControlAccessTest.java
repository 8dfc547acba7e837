package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import lvsdirector.support.ProcessCredentials;
import lvsdirector.testing.LoggedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The control socket checks the connecting user's credentials (SO_PEERCRED) before it serves a request. */
class ControlAccessTest {
    private static final int OWN_UID = ProcessCredentials.current().uid();
    /** A uid this test does not run as: a socket allowing only it must refuse the test's own connections. */
    private static final int OTHER_UID = OWN_UID == 54321 ? 54322 : 54321;

    @TempDir
    Path dir;

    @RegisterExtension
    final LoggedEvents logged = LoggedEvents.of(ControlServer.class);

    @Test
    void theDaemonsOwnUserIsServedByDefault() throws Exception {
        Path socket = dir.resolve("own.sock");
        try (ControlServer server = ControlServer.start(socket, (args, out) -> {
            out.print("served");
            return 0;
        })) {
            ControlClient.Reply reply = ControlClient.request(socket, List.of("show"));
            assertThat(reply.status()).isZero();
            assertThat(reply.output()).isEqualTo("served");
        }
    }

    @Test
    void anotherUserIsRefusedWithTheReasonTheHandlerNeverRunsAndTheRefusalIsLoggedOncePerUser() throws Exception {
        Path socket = dir.resolve("other.sock");
        AtomicInteger handled = new AtomicInteger();
        try (ControlServer server = ControlServer.start(socket, (args, out) -> {
            handled.incrementAndGet();
            return 0;
        }, ControlAccess.of(OTHER_UID))) {
            for (int attempt = 0; attempt < 3; attempt++) {
                ControlClient.Reply reply = ControlClient.request(socket, List.of("show"));
                assertThat(reply.status()).isEqualTo(ControlServer.REFUSED_STATUS);
                assertThat(reply.output()).startsWith("permission denied: user ")
                        .contains("may not use this control socket (allowed: " + OTHER_UID + ")")
                        .endsWith("\n");
            }
        }
        assertThat(handled).hasValue(0);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString().contains("refused a connection of user");
    }

    @Test
    @Timeout(30)
    void aRefusedClientThatSendsNothingDoesNotHoldUpTheOthers() throws Exception {
        Path socket = dir.resolve("silent.sock");
        try (ControlServer server = ControlServer.start(socket, (args, out) -> 0, ControlAccess.of(OTHER_UID));
             SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.connect(UnixDomainSocketAddress.of(socket));
            long start = System.nanoTime();
            ControlClient.Reply reply = ControlClient.request(socket, List.of("show"));
            assertThat(reply.status()).isEqualTo(ControlServer.REFUSED_STATUS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void rootAndSelfAllowsUidZeroAndTheOwnUid() {
        ControlAccess access = ControlAccess.rootAndSelf();
        assertThat(access.allowed()).isEqualTo(ControlAccess.of(0, OWN_UID).allowed());
        assertThat(access.allowed()).doesNotContainAnyElementsOf(ControlAccess.of(OTHER_UID).allowed());
    }
}
