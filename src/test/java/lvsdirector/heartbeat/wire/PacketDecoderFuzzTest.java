package lvsdirector.heartbeat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/** Jazzer: hostile bytes never crash the decoder, and any message survives an encode/decode round trip. */
@Tag("fuzz")
class PacketDecoderFuzzTest {
    private static final AuthKey CRC = new AuthKey(1, AuthMethod.CRC, "");
    private static final AuthKey SHA1 = new AuthKey(2, AuthMethod.SHA1, "InteropKey-sha1");
    private static final PacketDecoder DECODER = new PacketDecoder(new AuthKeys(2, Map.of(1, CRC, 2, SHA1)));

    @FuzzTest(maxDuration = "30s")
    void decodeRejectsOrAcceptsButNeverThrows(byte[] data) {
        DecodeResult result = DECODER.decode(data);

        if (result instanceof DecodeResult.Accepted a) {
            assertThat(a.message().fields()).allSatisfy(f -> assertThat(f.type().isSupported()).isTrue());
            assertThat(a.key().token(a.packet().signedBytes())).isEqualTo(a.packet().signature().token());
        } else {
            DecodeResult.Rejected r = (DecodeResult.Rejected) result;
            assertThat(r.detail()).isNotBlank();
        }
        assertThat(DECODER.decode(data)).isEqualTo(result);
    }

    @FuzzTest(maxDuration = "30s")
    void anyMessageRoundTripsInBothForms(FuzzedDataProvider data) throws MalformedPacketException {
        List<Field> fields = new ArrayList<>();
        int count = data.consumeInt(0, 12);
        for (int i = 0; i < count; i++) {
            String name = data.consumeAsciiString(8).replace("=", "").replace("\n", "").replace(",", "");
            if (name.isEmpty() || name.equals(Message.AUTH) || name.startsWith("(")) {
                continue;
            }
            fields.add(data.consumeBoolean() ? Field.binary(name, data.consumeBytes(24))
                    : Field.string(name, data.consumeAsciiString(24).replace("\n", "")));
        }
        Message message = new Message(fields);
        AuthKey key = data.consumeBoolean() ? SHA1 : CRC;

        DecodeResult netstring = DECODER.decode(PacketEncoder.netstring(message, key, data.consumeBoolean()));
        assertThat(netstring).isInstanceOf(DecodeResult.Accepted.class);
        assertThat(((DecodeResult.Accepted) netstring).message().without(Message.AUTH)).isEqualTo(message);

        DecodeResult classic = DECODER.decode(PacketEncoder.classic(message, key));
        assertThat(classic).isInstanceOf(DecodeResult.Accepted.class);
        assertThat(((DecodeResult.Accepted) classic).message().without(Message.AUTH)).isEqualTo(message);
    }
}
