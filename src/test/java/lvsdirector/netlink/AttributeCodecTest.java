package lvsdirector.netlink;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing and reading messages and attributes: alignment, byte order, nesting, size checks. */
class AttributeCodecTest {

    private static Attributes attributesOf(byte[] message) throws NetlinkDecodeException {
        NetlinkMessage m = NetlinkMessage.split(ByteBuffer.wrap(message)).get(0);
        return GenericMessage.parse(m, 0).attributes();
    }

    @Test
    void writesHeaderAlignedAttributesAndNests() {
        byte[] message = MessageWriter.genl(0x1c, 0x5, 1, 1)
                .beginNested(1)
                .u16(1, 2)
                .u16BigEndian(4, 80)
                .string(6, "wrr")
                .u8(13, 7)
                .endNested()
                .build();
        assertThat(HexFormat.ofDelimiter(" ").formatHex(message)).isEqualTo(
                "38 00 00 00 1c 00 05 00 00 00 00 00 00 00 00 00 "  // len 56, type, flags, seq 0, pid 0
                        + "01 01 00 00 "                            // genl cmd 1 version 1
                        + "24 00 01 80 "                            // nest len 36, type 1 | NLA_F_NESTED
                        + "06 00 01 00 02 00 00 00 "                // u16 2, padded
                        + "06 00 04 00 00 50 00 00 "                // port 80 big-endian
                        + "08 00 06 00 77 72 72 00 "                // "wrr\0"
                        + "05 00 0d 00 07 00 00 00");               // u8 7, padded
    }

    @Test
    void readsBackByTypeWithFlagsMaskedAndOrderIndependent() throws Exception {
        byte[] message = MessageWriter.genl(0x1c, 0x5, 1, 1)
                .u32BigEndian(9, 0xffffff00)
                .beginNested(1).u64(5, 1L << 40).u32(1, 3).endNested()
                .build();
        Attributes a = attributesOf(message);
        assertThat(a.require(9, "netmask").u32BigEndian()).isEqualTo(0xffffff00);
        assertThat(a.require(9, "netmask").bytes()).containsExactly(0xff, 0xff, 0xff, 0x00);
        Attributes nested = a.require(1, "nest").nested();
        assertThat(nested.require(1, "u32").u32()).isEqualTo(3);
        assertThat(nested.require(5, "u64").unsigned()).isEqualTo(1L << 40);
        assertThat(a.find(2)).isEmpty();
    }

    @Test
    void missingAttributeIsNamedInTheError() throws Exception {
        Attributes a = attributesOf(MessageWriter.genl(0x1c, 0x5, 1, 1).build());
        assertThatThrownBy(() -> a.require(6, "IPVS_SVC_ATTR_SCHED_NAME"))
                .isInstanceOf(NetlinkDecodeException.class).hasMessage("missing attribute IPVS_SVC_ATTR_SCHED_NAME (type 6)");
    }

    @Test
    void misSizedAttributeIsAnErrorNotAWrongValue() throws Exception {
        Attributes a = attributesOf(MessageWriter.genl(0x1c, 0x5, 1, 1).u16(4, 80).build());
        assertThatThrownBy(() -> a.require(4, "port").u32())
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("has 2 payload bytes, expected 4");
    }

    @Test
    void attributeRunningPastItsParentIsAnError() {
        byte[] message = MessageWriter.genl(0x1c, 0x5, 1, 1).u32(1, 0).build();
        message[20] = 0x40; // nla_len 64 > what is left
        assertThatThrownBy(() -> attributesOf(message))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("bad length 64 of attribute type 1");
    }

    @Test
    void lastMessageMayLackTrailingPadding() throws Exception {
        byte[] unpadded = new byte[17];
        ByteBuffer.wrap(unpadded).order(java.nio.ByteOrder.nativeOrder()).putInt(17).putShort((short) 3);
        assertThat(NetlinkMessage.split(ByteBuffer.wrap(unpadded))).singleElement()
                .satisfies(m -> assertThat(m.payload().remaining()).isEqualTo(1));
    }

    @Test
    void unclosedNestIsAProgrammingError() {
        MessageWriter w = MessageWriter.genl(0x1c, 0x5, 1, 1).beginNested(1);
        assertThatThrownBy(w::build).isInstanceOf(IllegalStateException.class);
    }
}
