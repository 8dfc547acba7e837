package lvsdirector.netlink.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IcmpPacketsTest {

    @Test
    void echoRequestV4CarriesIdentifierSequenceAndAValidChecksum() {
        byte[] packet = IcmpPackets.echoRequest(false, 0x1234, 0xabcd, new byte[] {1, 2, 3});
        assertThat(packet[0]).isEqualTo((byte) 8);
        assertThat(packet).startsWith(8, 0);
        assertThat(packet[4] & 0xff).isEqualTo(0x12);
        assertThat(packet[7] & 0xff).isEqualTo(0xcd);
        // a packet that includes its own checksum sums to zero
        assertThat(IcmpPackets.checksum(packet, 0, packet.length)).isZero();
    }

    @Test
    void checksumMatchesRfc1071Example() {
        byte[] data = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertThat(IcmpPackets.checksum(data, 0, data.length)).isEqualTo(~0xddf2 & 0xffff);
    }

    @Test
    void echoRequestV6LeavesTheChecksumToTheKernel() {
        byte[] packet = IcmpPackets.echoRequest(true, 1, 2, new byte[0]);
        assertThat(packet[0] & 0xff).isEqualTo(128);
        assertThat(packet[2]).isZero();
        assertThat(packet[3]).isZero();
    }

    @Test
    void parsesAReplyBehindAnIpv4Header() throws Exception {
        byte[] datagram = new byte[28];
        datagram[0] = 0x45;
        datagram[20] = 0; // echo reply
        datagram[24] = 0x12;
        datagram[25] = 0x34;
        datagram[26] = 0x00;
        datagram[27] = 0x07;
        InetAddress from = InetAddress.getByName("127.0.0.1");
        EchoReply reply = IcmpPackets.parseReply(datagram, datagram.length, false, true, from);
        assertThat(reply).isEqualTo(new EchoReply(from, 0x1234, 7));
    }

    @Test
    void ignoresEchoRequestsAndShortDatagrams() {
        byte[] request = IcmpPackets.echoRequest(false, 1, 1, new byte[0]);
        assertThat(IcmpPackets.parseReply(request, request.length, false, false, null)).isNull();
        assertThat(IcmpPackets.parseReply(new byte[4], 4, false, false, null)).isNull();
        byte[] v6request = IcmpPackets.echoRequest(true, 1, 1, new byte[0]);
        assertThat(IcmpPackets.parseReply(v6request, v6request.length, true, false, null)).isNull();
    }

    @Test
    void socketAddressesRoundTrip() throws Exception {
        for (String text : new String[] {"127.0.0.1", "::1", "2001:db8::7"}) {
            InetAddress address = InetAddress.getByName(text);
            byte[] sa = IcmpPackets.sockaddr(address);
            assertThat(IcmpPackets.fromSockaddr(sa, sa.length)).isEqualTo(address);
        }
    }
}
