package lvsdirector.check.lib.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DnsMessagesTest {

    @Test
    void queryEncodesNameAndType() {
        byte[] q = DnsMessages.query(0x1234, "a.bc", DnsMessages.TYPE_A);
        assertThat(q).hasSize(12 + 6 + 4);
        assertThat(q[0] & 0xff).isEqualTo(0x12);
        assertThat(q[2] & 0xff).isEqualTo(0x01); // RD
        assertThat(q[12]).isEqualTo((byte) 1);
        assertThat((char) q[13]).isEqualTo('a');
        assertThat(q[14]).isEqualTo((byte) 2);
        assertThat(DnsMessages.readName(q, new int[] {12})).isEqualTo("a.bc");
    }

    @Test
    void reverseNames() throws Exception {
        assertThat(DnsMessages.reverseName(InetAddress.getByName("10.1.2.3").getAddress()))
                .isEqualTo("3.2.1.10.in-addr.arpa");
        assertThat(DnsMessages.reverseName(InetAddress.getByName("::1").getAddress()))
                .startsWith("1.0.0.0.").endsWith(".0.ip6.arpa");
    }

    @Test
    void rejectsTruncatedAndForeignReplies() {
        byte[] q = DnsMessages.query(7, "x.test", DnsMessages.TYPE_A);
        assertThatThrownBy(() -> DnsMessages.answers(new byte[5], 7, DnsMessages.TYPE_A))
                .hasMessageContaining("shorter");
        assertThatThrownBy(() -> DnsMessages.answers(q, 8, DnsMessages.TYPE_A)).hasMessageContaining("id mismatch");
        byte[] cut = q.clone();
        cut[7] = 1; // one answer announced, none there
        assertThatThrownBy(() -> DnsMessages.answers(cut, 7, DnsMessages.TYPE_A)).hasMessageContaining("truncated");
    }

    @Test
    void compressionLoopIsAnError() {
        byte[] loop = new byte[14];
        loop[12] = (byte) 0xc0;
        loop[13] = 12;
        assertThatThrownBy(() -> DnsMessages.readName(loop, new int[] {12})).hasMessageContaining("loop");
    }
}
