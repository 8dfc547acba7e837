package lvsdirector.netlink;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Family resolution against the captured nlctrl exchange (ipvs-golden/00) and its failure modes. */
class GenlControllerTest {

    /** The hex blocks of ipvs-golden/00-family-resolution.txt: request, NEWFAMILY reply, ACK. */
    private static List<byte[]> capturedDatagrams() throws Exception {
        List<byte[]> blocks = new ArrayList<>();
        try (InputStream in = GenlControllerTest.class.getResourceAsStream("/ipvs-golden/00-family-resolution.txt")) {
            StringBuilder hex = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.matches("^  ([0-9a-f]{2} ?)+\\s*$")) {
                    if (hex == null) {
                        hex = new StringBuilder();
                    }
                    hex.append(line.replace(" ", ""));
                } else if (hex != null) {
                    blocks.add(HexFormat.of().parseHex(hex.toString()));
                    hex = null;
                }
            }
        }
        return blocks;
    }

    @Test
    void resolvesTheIpvsFamilyFromTheCapturedReply() throws Exception {
        List<byte[]> captured = capturedDatagrams();
        FakeNetlinkSocket socket = new FakeNetlinkSocket(1).expect(captured.get(0), captured.get(1), captured.get(2));
        GenlFamily family = GenlController.resolve(new NetlinkChannel(socket, 1), "IPVS");
        assertThat(family.name()).isEqualTo("IPVS");
        assertThat(family.id()).isEqualTo(28);
        assertThat(family.version()).isEqualTo(1);
        assertThat(family.headerSize()).isZero();
        assertThat(family.maxAttribute()).isEqualTo(6);
        assertThat(family.operations()).hasSize(16).containsEntry(4, 0x0f).containsEntry(8, 0x0d).doesNotContainKey(14);
        assertThat(family.supportsDump(8)).isTrue();
        assertThat(family.supportsDump(1)).isFalse();
        assertThat(socket.scriptDone()).isTrue();
    }

    @Test
    void unknownFamilyIsEnoent() {
        FakeNetlinkSocket socket = new FakeNetlinkSocket(1)
                .expect(GenlController.getFamilyRequest("NOPE"), FakeNetlinkSocket.error(Errno.ENOENT));
        assertThatThrownBy(() -> GenlController.resolve(new NetlinkChannel(socket, 1), "NOPE"))
                .isInstanceOfSatisfying(NetlinkErrnoException.class, e -> assertThat(e.is(Errno.ENOENT)).isTrue());
    }

    @Test
    void ackWithoutAFamilyIsAnError() {
        FakeNetlinkSocket socket = new FakeNetlinkSocket(1).expect(null, FakeNetlinkSocket.ack());
        assertThatThrownBy(() -> GenlController.resolve(new NetlinkChannel(socket, 1), "IPVS"))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("no family description");
    }

    @Test
    void requestIsTheNulTerminatedNameInAnAckedRequest() {
        assertThat(HexFormat.of().formatHex(GenlController.getFamilyRequest("IPVS")))
                .isEqualTo("20000000100005000000000000000000" + "03010000" + "0900020049505653" + "00000000");
    }
}
