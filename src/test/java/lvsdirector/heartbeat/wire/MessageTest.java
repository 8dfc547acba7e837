package lvsdirector.heartbeat.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void lookupsReturnTheFirstStringFieldOfThatName() {
        Message m = Message.of(Field.string("t", "status"), Field.binary("x", new byte[] {1}), Field.string("x", "b"), Field.string("x", "c"));
        assertThat(m.type()).isEqualTo("status");
        assertThat(m.get("x")).isEmpty();
        assertThat(m.find("x")).contains(Field.binary("x", new byte[] {1}));
        assertThat(m.without("x").fields()).containsExactly(Field.string("t", "status"));
        assertThat(Message.of().type()).isEmpty();
    }

    @Test
    void fieldsAreImmutableCopies() {
        byte[] value = {1, 2};
        Field f = Field.binary("u", value);
        value[0] = 9;
        f.value()[1] = 9;
        assertThat(f.value()).containsExactly(1, 2);
        assertThat(f).isEqualTo(Field.binary("u", new byte[] {1, 2})).hasSameHashCodeAs(Field.binary("u", new byte[] {1, 2}));
        assertThat(f.toString()).isEqualTo("(1)u=0x0102");
    }

    @Test
    void namesMustBeNonEmptyAndWithoutEquals() {
        assertThatThrownBy(() -> Field.string("", "v")).hasMessage("field name must not be empty");
        assertThatThrownBy(() -> Field.string("a=b", "v")).hasMessage("field name must not contain '=': a=b");
    }

    @Test
    void signingTwiceIsRefused() {
        AuthKey key = new AuthKey(1, AuthMethod.CRC, "");
        Message signed = PacketEncoder.withInnerAuth(Message.of(Field.string("t", "x")), key);
        assertThatThrownBy(() -> PacketEncoder.withInnerAuth(signed, key)).hasMessage("message is already signed");
    }

    @Test
    void authKeysValidateTheirEntries() {
        assertThatThrownBy(() -> new AuthKey(16, AuthMethod.CRC, "")).hasMessage("auth index 16 outside 0..15");
        assertThatThrownBy(() -> new AuthKey(1, AuthMethod.SHA1, "")).hasMessage("auth method sha1 needs a key");
        assertThatThrownBy(() -> new AuthKey(1, AuthMethod.CRC, "k")).hasMessage("auth method crc takes no key");
        assertThatThrownBy(() -> new AuthKeys(2, java.util.Map.of(1, new AuthKey(1, AuthMethod.CRC, ""))))
                .hasMessage("auth 2 names no key");
        assertThat(new AuthKey(1, AuthMethod.MD5, "secret").toString()).doesNotContain("secret");
    }
}
