package lvsdirector.ipvs.kernel;

import com.code_intelligence.jazzer.junit.FuzzTest;
import lvsdirector.netlink.NetlinkDecodeException;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer: arbitrary datagrams through every IPVS decoding path end as decoded objects or a clean
 * {@link NetlinkDecodeException}, nothing else. Regression runs replay the seeds under
 * IpvsDecoderFuzzTestInputs (captured kernel replies); fuzz with JAZZER_FUZZ=1.
 */
@Tag("fuzz")
class IpvsDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decodesOrRejectsCleanly(byte[] datagram) {
        try {
            ReplyDecoding.decodeAll(datagram);
        } catch (NetlinkDecodeException expected) {
            // a clean rejection is one of the two allowed outcomes
        }
    }
}
