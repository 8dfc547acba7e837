package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lvsdirector.netlink.unix.UnixDatagramReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The sd_notify datagrams as systemd receives them, on a real AF_UNIX datagram socket. */
class SdNotifyTest {
    private static final int WAIT_MILLIS = 2000;

    @TempDir
    Path dir;

    @Test
    void readyNamesTheMainPidAndAStatusOnAPathSocket() throws Exception {
        String socket = dir.resolve("notify").toString();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket, WAIT_MILLIS);
             SdNotify notify = SdNotify.forSocket(socket)) {
            notify.ready(4242, "running:\nfirst round done");

            assertThat(systemd.receive()).isEqualTo("READY=1\nMAINPID=4242\nSTATUS=running: first round done\n");
        }
    }

    @Test
    void reloadingCarriesTheMonotonicClockAndStoppingIsItsOwnMessage() throws Exception {
        String socket = "@lvs-director-test-" + UUID.randomUUID();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket, WAIT_MILLIS);
             SdNotify notify = SdNotify.forSocket(socket)) {
            long before = System.nanoTime() / 1000;
            notify.reloading("reloading www.cf");
            notify.stopping("stopping on signal TERM");

            String reloading = systemd.receive();
            assertThat(reloading).startsWith("RELOADING=1\nMONOTONIC_USEC=").endsWith("\nSTATUS=reloading www.cf\n");
            long usec = Long.parseLong(reloading.split("\n")[1].substring("MONOTONIC_USEC=".length()));
            assertThat(usec).isBetween(before, System.nanoTime() / 1000);
            assertThat(systemd.receive()).isEqualTo("STOPPING=1\nSTATUS=stopping on signal TERM\n");
        }
    }

    @Test
    void anAbstractNameIsNotTheSameAsAPathWithThatName() throws Exception {
        String name = "lvs-director-test-" + UUID.randomUUID();
        try (UnixDatagramReceiver abstractSocket = new UnixDatagramReceiver("@" + name, 200);
             SdNotify notify = SdNotify.forSocket("@" + name + "x")) {
            notify.status("to a different name");

            assertThat(abstractSocket.receive()).isNull();
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "relative/notify"})
    void withoutAUsableNotifySocketEveryCallDoesNothing(String socket) {
        SdNotify notify = SdNotify.forSocket(socket);

        assertThat(notify.enabled()).isFalse();
        assertThatCode(() -> {
            notify.ready(1, "x");
            notify.reloading("x");
            notify.stopping("x");
            notify.close();
        }).doesNotThrowAnyException();
    }

    @Test
    void aMissingSocketNeverThrowsIntoTheDaemon() {
        SdNotify notify = SdNotify.forSocket(dir.resolve("gone").toString());

        assertThat(notify.enabled()).isTrue();
        assertThatCode(() -> {
            notify.ready(1, "x");
            notify.stopping("y");
        }).doesNotThrowAnyException();
        notify.close();
    }

    @Test
    void eachCallIsExactlyOneDatagram() {
        List<String> sent = new ArrayList<>();
        SdNotify notify = new SdNotify("test", datagram -> sent.add(new String(datagram, java.nio.charset.StandardCharsets.UTF_8)));

        notify.ready(7, "up");
        notify.status("a\nb");

        assertThat(sent).containsExactly("READY=1\nMAINPID=7\nSTATUS=up\n", "STATUS=a b\n");
    }
}
