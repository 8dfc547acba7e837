package lvsdirector.ipvs.sync;

import static lvsdirector.ipvs.sync.SyncCodecTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncBatchesTest {
    private static List<SyncEntry> v4Templates(int n) {
        return IntStream.range(0, n).mapToObj(i -> SyncEntry.template(6, 1, 80, 80, 0, 300,
                ip("10.1." + (i / 250) + "." + (i % 250)), ip("10.0.1.100"), ip("10.0.2.11"))).toList();
    }

    @Test
    void atMostFortyEntriesPerMessageLikeTheKernel() {
        List<SyncMessage> messages = SyncBatches.of(7, v4Templates(100), SyncBatches.DEFAULT_MAX_LENGTH);

        assertThat(messages).extracting(m -> m.entries().size()).containsExactly(40, 40, 20);
        assertThat(messages).allSatisfy(m -> assertThat(m.syncId()).isEqualTo(7));
        assertThat(messages.get(0).size()).isEqualTo(1448);
        assertThat(messages.stream().flatMap(m -> m.entries().stream()).toList()).isEqualTo(v4Templates(100));
    }

    @Test
    void maxLengthLimitsBytesPerMessage() {
        List<SyncMessage> messages = SyncBatches.of(7, v4Templates(10), 8 + 3 * 36 + 35);

        assertThat(messages).extracting(m -> m.entries().size()).containsExactly(3, 3, 3, 1);
        assertThat(messages).allSatisfy(m -> assertThat(SyncCodec.encode(m).length).isLessThanOrEqualTo(8 + 3 * 36 + 35));
    }

    @Test
    void ipv6EntriesFillTheirShareOfTheLength() {
        List<SyncEntry> v6 = IntStream.range(0, 25).mapToObj(i -> SyncEntry.template(6, 1, 80, 80, 0, 300,
                ip("2001:db8::" + (i + 1)), ip("2001:db8::ffff"), ip("2001:db8:2::11"))).toList();

        assertThat(SyncBatches.of(1, v6, 1472)).extracting(m -> m.entries().size()).containsExactly(20, 5);
    }

    @Test
    void lengthTooSmallForAnyEntryIsRefused() {
        assertThatThrownBy(() -> SyncBatches.of(1, v4Templates(1), 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sync max length 60 cannot hold one entry");
    }

    @Test
    void nothingToSendIsNoMessage() {
        assertThat(SyncBatches.of(1, List.of(), 1472)).isEmpty();
    }
}
