package lvsdirector.heartbeat.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Frames compared with what the real tools put on the wire, captured on the peer end of a veth whose sender has
 * MAC 02:00:00:00:00:01: {@code send_arp -i 500 -r 10 ... eth0 10.200.0.100 auto 10.200.0.100 ffffffffffff} and
 * {@code send_ua -i 200 -c 5 2001:db8::100 64 eth0} (resource-agents 4.12).
 */
class FramesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MAC = HEX.parseHex("020000000001");

    @Test
    void gratuitousArpRequestIsSendArpsRequest() throws Exception {
        assertThat(HEX.formatHex(Frames.arpRequest(MAC, v4("10.200.0.100")))).isEqualTo(
                "ffffffffffff020000000001080600010800060400010200000000010ac800640000000000000ac80064");
    }

    @Test
    void gratuitousArpReplyIsSendArpsReply() throws Exception {
        byte[] reply = Frames.arpReply(MAC, v4("10.200.0.100"));
        assertThat(reply).hasSize(Frames.ARP_FRAME_LENGTH);
        assertThat(HEX.formatHex(reply)).isEqualTo(
                "ffffffffffff020000000001080600010800060400020200000000010ac800640200000000010ac80064");
    }

    @Test
    void neighbourAdvertisementIsSendUasExceptTheFlowLabel() throws Exception {
        byte[] na = Frames.unsolicitedNeighborAdvertisement(MAC, (Inet6Address) InetAddress.getByName("2001:db8::100"));
        // send_ua's raw ICMPv6 socket got a kernel-chosen flow label (0fd442); a packet socket frame has none
        String sendUa = "33330000000102000000000186dd600fd44200203aff20010db8000000000000000000000100"
                + "ff0200000000000000000000000000018800f72c2000000020010db80000000000000000000001000201020000000001";
        assertThat(HEX.formatHex(na)).isEqualTo(sendUa.replace("600fd442", "60000000"));
        assertThat(na).hasSize(Frames.NA_FRAME_LENGTH);
    }

    @Test
    void checksumOfTheAdvertisementVerifies() throws Exception {
        byte[] na = Frames.unsolicitedNeighborAdvertisement(HEX.parseHex("4e1bf7c68adc"),
                (Inet6Address) InetAddress.getByName("fd00:1:2::abcd"));
        byte[] src = java.util.Arrays.copyOfRange(na, 22, 38);
        byte[] dst = java.util.Arrays.copyOfRange(na, 38, 54);
        // summing a message including its correct checksum gives 0xffff, i.e. the complement is 0
        assertThat(Frames.icmpv6Checksum(src, dst, na, 54, 32)).isZero();
        assertThat(na[20]).isEqualTo((byte) 58);
        assertThat(na[21]).isEqualTo((byte) 255);
        assertThat(na[54] & 0xff).isEqualTo(136);
        assertThat(na[58] & 0xff).isEqualTo(0x20);
    }

    @Test
    void refusesAnInterfaceWithoutEthernetAddress() {
        assertThatThrownBy(() -> Frames.arpRequest(new byte[0], v4("10.0.0.1")))
                .hasMessageContaining("6 bytes, not 0");
    }

    private static Inet4Address v4(String text) throws Exception {
        return (Inet4Address) InetAddress.getByName(text);
    }
}
