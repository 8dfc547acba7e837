package lvsdirector.ipvs.kernel;

import lvsdirector.netlink.NetlinkDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Deterministic mutations (bit flips, length-field damage, truncation) of captured kernel replies: every one is
 * decoded or cleanly rejected. The Jazzer test explores further; this one runs in every build.
 */
class IpvsDecoderRobustnessTest {

    @Test
    void unmutatedRepliesDecodeToObjects() throws Exception {
        int decoded = 0;
        for (byte[] datagram : seeds("10-list-all")) {
            decoded += ReplyDecoding.decodeAll(datagram);
        }
        assertThat(decoded).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10-list-all", "26-list-ipv6", "32-list-pe-flags", "33-list-stats-nonzero", "22-get-daemon",
            "29b-get-daemon-backup", "19-get-timeouts", "00-family-resolution"})
    void mutatedRepliesAreDecodedOrRejectedCleanly(String file) {
        Random random = new Random(file.hashCode());
        List<byte[]> seeds = seeds(file);
        for (int i = 0; i < 400; i++) {
            byte[] mutated = mutate(seeds.get(random.nextInt(seeds.size())), random);
            assertThatCode(() -> {
                try {
                    ReplyDecoding.decodeAll(mutated);
                } catch (NetlinkDecodeException clean) {
                    // allowed
                }
            }).as("mutation %d of %s", i, file).doesNotThrowAnyException();
        }
    }

    private static List<byte[]> seeds(String file) {
        List<byte[]> out = new ArrayList<>();
        for (GoldenCapture.Exchange e : GoldenCapture.load(file).exchanges()) {
            out.addAll(e.replies());
        }
        return out;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256); // often an nla_len or nlmsg_len byte
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            default -> {
                int at = random.nextInt(Math.max(1, b.length - 1)) & ~3;
                if (at + 1 < b.length) {
                    b[at] = (byte) random.nextInt(256);
                    b[at + 1] = (byte) random.nextInt(3);
                }
            }
        }
        return b;
    }
}
