package lvsdirector.heartbeat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every UDP packet of every capture decodes, verifies (outer and inner) and re-encodes byte for byte. */
class CapturesTest {

    static List<CapturedPacket> packets() {
        return CapturedPacket.loadAll();
    }

    /** The capture's authkeys: "auth 1" and one "1 method [key]" line. */
    static AuthKey keyOf(String run) {
        String[] words = CapturedPacket.resource(run, "authkeys.txt").split("\n")[1].trim().split("\\s+");
        return new AuthKey(Integer.parseInt(words[0]), AuthMethod.ofFileName(words[1]).orElseThrow(), words.length > 2 ? words[2] : "");
    }

    @Test
    void capturesHoldTheExpectedNumberOfPackets() {
        Map<String, Long> counts = packets().stream().collect(Collectors.groupingBy(CapturedPacket::run, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("main-sha1-bcast", 344L, "md5-ucast", 125L, "smoke-sha1", 86L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void packetIsAuthentic(CapturedPacket p) throws Exception {
        AuthKey key = keyOf(p.run());
        PacketDecoder decoder = new PacketDecoder(AuthKeys.single(key));

        DecodeResult result = decoder.decode(p.payload());

        assertThat(result).as(p.header()).isInstanceOf(DecodeResult.Accepted.class);
        Message message = ((DecodeResult.Accepted) result).message();
        assertThat(message.type()).isNotEmpty();
        assertThat(message.get("src")).hasValueSatisfying(src -> assertThat(src).isIn("nodea", "nodeb"));
        assertThat(decoder.innerSignatureProblem(message)).isEmpty();
        assertThat(PacketEncoder.netstring(message.without(Message.AUTH), key, true)).isEqualTo(p.payload());
    }

    @Test
    void aKeyOfAnotherRunRejectsEveryPacket() {
        PacketDecoder md5Decoder = new PacketDecoder(AuthKeys.single(keyOf("md5-ucast")));
        assertThat(CapturedPacket.load("main-sha1-bcast")).allSatisfy(p -> {
            DecodeResult r = md5Decoder.decode(p.payload());
            assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
            assertThat(((DecodeResult.Rejected) r).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
        });
    }
}
