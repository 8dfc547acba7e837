package lvsdirector.cli.heartbeat;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framings and oddities of pcap input, on small hand-built captures. */
class PcapReaderTest {
    private static final byte[] PAYLOAD = "###\nhello".getBytes(ISO_8859_1);

    private static byte[] ipv4Udp(int srcPort, int dstPort, int fragmentField, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(28 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putShort((short) 1).putShort((short) fragmentField)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {10, 0, 0, 1}).put(new byte[] {10, 0, 0, 2});
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        return b.array();
    }

    private static byte[] ethernet(int etherType, byte[] l3) {
        ByteBuffer b = ByteBuffer.allocate(14 + l3.length);
        b.put(new byte[12]).putShort((short) etherType).put(l3);
        return b.array();
    }

    private static byte[] vlan(byte[] l3) {
        ByteBuffer b = ByteBuffer.allocate(18 + l3.length);
        b.put(new byte[12]).putShort((short) 0x8100).putShort((short) 5).putShort((short) 0x0800).put(l3);
        return b.array();
    }

    private static byte[] sll2(byte[] l3) {
        ByteBuffer b = ByteBuffer.allocate(20 + l3.length);
        b.putShort((short) 0x0800).put(new byte[18]).put(l3);
        return b.array();
    }

    private static byte[] pcap(ByteOrder order, int magic, int linkType, byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(24).order(order).putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(linkType).array());
        for (byte[] f : frames) {
            out.writeBytes(ByteBuffer.allocate(16).order(order).putInt(1).putInt(2).putInt(f.length).putInt(f.length).array());
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    @Test
    void bigEndianNanosecondRawIpCapture() {
        byte[] file = pcap(ByteOrder.BIG_ENDIAN, 0xa1b23c4d, PcapReader.LINKTYPE_RAW, ipv4Udp(40000, 694, 0x4000, PAYLOAD));

        assertThat(PcapReader.isPcap(file)).isTrue();
        List<Datagram> d = PcapReader.read("x.pcap", file, 694);
        assertThat(d).singleElement().satisfies(p -> {
            assertThat(p.origin()).isEqualTo("x.pcap frame 1");
            assertThat(p.flow()).contains("10.0.0.1:40000 > 10.0.0.2:694");
            assertThat(p.payload()).isEqualTo(PAYLOAD);
            assertThat(p.problem()).isEmpty();
        });
    }

    @Test
    void skipsFramesThatAreNotHeartbeatUdpAndReadsVlanTaggedOnes() {
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, PcapReader.LINKTYPE_ETHERNET,
                ethernet(0x0806, new byte[28]),
                ethernet(0x0800, ipv4Udp(53, 5353, 0, PAYLOAD)),
                vlan(ipv4Udp(694, 694, 0, PAYLOAD)));

        assertThat(PcapReader.read("x.pcap", file, 694)).extracting(Datagram::origin).containsExactly("x.pcap frame 3");
        assertThat(PcapReader.read("x.pcap", file, 0)).extracting(Datagram::origin).containsExactly("x.pcap frame 2", "x.pcap frame 3");
    }

    @Test
    void linuxCookedV2IsRead() {
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, PcapReader.LINKTYPE_LINUX_SLL2, sll2(ipv4Udp(1, 694, 0, PAYLOAD)));
        assertThat(PcapReader.read("x.pcap", file, 694)).singleElement().satisfies(p -> assertThat(p.payload()).isEqualTo(PAYLOAD));
    }

    @Test
    void fragmentsAndCutPayloadsAreReportedNotDecoded() {
        byte[] cut = ipv4Udp(1, 694, 0, PAYLOAD);
        byte[] shortFrame = java.util.Arrays.copyOf(ethernet(0x0800, cut), 14 + cut.length - 3);
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, PcapReader.LINKTYPE_ETHERNET,
                ethernet(0x0800, ipv4Udp(1, 694, 0x2000, PAYLOAD)), shortFrame);

        assertThat(PcapReader.read("x.pcap", file, 694)).extracting(d -> d.problem().orElseThrow()).containsExactly(
                "input: x.pcap frame 1 is an IP fragment (not reassembled)",
                "input: UDP payload of x.pcap frame 2 was not captured whole");
    }

    @Test
    void unsupportedLinkTypesAndTextAreRecognised() {
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 105);
        assertThat(PcapReader.read("w.pcap", file, 694)).extracting(d -> d.problem().orElseThrow())
                .containsExactly("input: pcap link type 105 of w.pcap is not supported");
        assertThat(PcapReader.isPcap("2323230a".getBytes(ISO_8859_1))).isFalse();
        assertThat(PcapReader.isPcap(new byte[] {(byte) 0xd4, (byte) 0xc3})).isFalse();
    }
}
