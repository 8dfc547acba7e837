package lvsdirector.netlink;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JNA socket against this machine's kernel, unprivileged: resolving the controller family itself needs no
 * capability. Skipped where netlink sockets cannot be opened at all (some sandboxes).
 */
class JnaNetlinkSocketTest {

    private static JnaNetlinkSocket openOrSkip(Duration timeout) {
        try {
            return JnaNetlinkSocket.open(Netlink.NETLINK_GENERIC, 256 * 1024, timeout);
        } catch (NetlinkException e) {
            assumeTrue(false, "no generic netlink here: " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    @Test
    void resolvesTheControllerFamilyThroughTheRealKernel() throws Exception {
        try (NetlinkChannel channel = new NetlinkChannel(openOrSkip(Duration.ofSeconds(2)), 1)) {
            assertThat(channel.socket().portId()).isNotZero();
            GenlFamily nlctrl = GenlController.resolve(channel, "nlctrl");
            assertThat(nlctrl.id()).isEqualTo(GenlController.GENL_ID_CTRL);
            assertThat(nlctrl.operations()).containsKey(GenlController.CTRL_CMD_GETFAMILY);
            // a second request on the same socket works: nothing of the first was left behind
            assertThatThrownBy(() -> GenlController.resolve(channel, "nosuchfamily"))
                    .isInstanceOfSatisfying(NetlinkErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
            assertThat(GenlController.resolve(channel, "nlctrl").id()).isEqualTo(GenlController.GENL_ID_CTRL);
            assertThat(channel.skippedMessages()).isZero();
        }
    }

    @Test
    void receiveWithoutAnyReplyTimesOut() {
        try (JnaNetlinkSocket socket = openOrSkip(Duration.ofMillis(150))) {
            long start = System.nanoTime();
            assertThatThrownBy(socket::receive).isInstanceOf(NetlinkTimeoutException.class).hasMessageContaining("150 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }
}
