package lvsdirector.ipvs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Arbitrary datagrams through the decoder: it either refuses them with a SyncFormatException or returns a
 * message that encodes to a datagram of the same length which decodes to the same message (padding is the
 * only thing the codec is allowed to normalise).
 */
@Tag("fuzz")
class SyncCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decodeArbitraryDatagrams(byte[] datagram) {
        SyncMessage message;
        try {
            message = SyncCodec.decode(datagram);
        } catch (SyncFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        byte[] encoded = SyncCodec.encode(message);
        assertThat(encoded).hasSize(datagram.length);
        try {
            assertThat(SyncCodec.decode(encoded)).isEqualTo(message);
        } catch (SyncFormatException e) {
            throw new AssertionError("re-encoded message does not decode: " + e.getMessage(), e);
        }
    }
}
