package lvsdirector.heartbeat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of test-vectors.txt: both signatures, the exact inner text, and byte-exact re-encoding. */
class TestVectorsTest {

    static List<TestVector> vectors() {
        return TestVector.load();
    }

    @Test
    void fileHoldsAllVectorsOfEveryMethod() {
        List<TestVector> v = vectors();
        assertThat(v).hasSize(28);
        assertThat(v).extracting(TestVector::method).contains(AuthMethod.SHA1, AuthMethod.MD5, AuthMethod.CRC);
        assertThat(v).allSatisfy(t -> {
            assertThat(t.payload()).isNotEmpty();
            assertThat(t.innerText()).isNotBlank();
            assertThat(t.signedLength()).isPositive();
        });
        assertThat(v).anySatisfy(t -> assertThat(t.outerToken()).hasSizeLessThan(8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesAndVerifiesTheOuterSignature(TestVector v) {
        DecodeResult result = new PacketDecoder(AuthKeys.single(v.authKey())).decode(v.payload());

        assertThat(result).isInstanceOf(DecodeResult.Accepted.class);
        ParsedPacket packet = ((DecodeResult.Accepted) result).packet();
        assertThat(packet.format()).isEqualTo(WireFormat.NETSTRING);
        assertThat(packet.signedBytes()).hasSize(v.signedLength());
        assertThat(packet.signature()).isEqualTo(new Signature(1, v.outerToken()));
        assertThat(v.authKey().token(packet.signedBytes())).isEqualTo(v.outerToken());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void innerSignatureCoversTheClassicTextOfTheOtherFields(TestVector v) throws Exception {
        Message message = PacketDecoder.parse(v.payload()).message();

        byte[] inner = ClassicText.lines(message.without(Message.AUTH));
        assertThat(new String(inner, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo(v.innerText());
        assertThat(v.authKey().token(inner)).isEqualTo(v.innerToken());
        assertThat(message.get(Message.AUTH)).contains("1 " + v.innerToken());
        assertThat(new PacketDecoder(AuthKeys.single(v.authKey())).innerSignatureProblem(message)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reEncodingTheUnsignedFieldsReproducesThePacketByteForByte(TestVector v) throws Exception {
        Message unsigned = PacketDecoder.parse(v.payload()).message().without(Message.AUTH);

        assertThat(PacketEncoder.netstring(unsigned, v.authKey(), true)).isEqualTo(v.payload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void defaultFieldsAreAppendedInHeartbeatsOrder(TestVector v) throws Exception {
        Message sent = PacketDecoder.parse(v.payload()).message().without(Message.AUTH);
        int srcAt = sent.fields().indexOf(sent.find("src").orElseThrow());
        int bodyEnd = sent.find("destuuid").map(f -> sent.fields().indexOf(f)).orElse(srcAt);
        Message body = new Message(sent.fields().subList(0, bodyEnd));
        SenderIdentity sender = new SenderIdentity(sent.get("src").orElseThrow(), sent.find("srcuuid").orElseThrow().value(),
                Long.parseLong(sent.get("hg").orElseThrow(), 16), Integer.parseInt(sent.get("ttl").orElseThrow()));
        long seq = sent.get("seq").map(s -> Long.parseLong(s, 16)).orElse(999L);

        Message rebuilt = DefaultFields.append(body, sender, seq, Long.parseLong(sent.get("ts").orElseThrow(), 16),
                sent.get("ld").orElse("unused"), sent.find("destuuid").map(Field::value));

        assertThat(rebuilt).isEqualTo(sent);
        assertThat(PacketEncoder.netstring(rebuilt, v.authKey(), true)).isEqualTo(v.payload());
        assertThat(DefaultFields.isControl(sent.type())).isEqualTo(sent.get("seq").isEmpty());
    }

    @Test
    void destUuidIsOnlyAddedWhenTheMessageHasADest() {
        SenderIdentity me = new SenderIdentity("nodea", new byte[16], 0x10, 3);
        Message m = DefaultFields.append(Message.of(Field.string("t", "status")), me, 1, 5, "n/a", Optional.of(new byte[16]));
        assertThat(m.find("destuuid")).isEmpty();
        assertThat(m.fields()).extracting(Field::name).containsExactly("t", "src", "srcuuid", "seq", "hg", "ts", "ld", "ttl");
    }
}
