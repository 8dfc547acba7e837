package lvsdirector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

class CountingSocketTest {

    private static ByteBuffer datagram(int... lengths) {
        int total = 0;
        for (int l : lengths) {
            total += (l + 3) & ~3;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
        int at = 0;
        for (int l : lengths) {
            b.putInt(at, l);
            at += (l + 3) & ~3;
        }
        return b;
    }

    @Test
    void countsEveryMessageOfAPipelinedDatagram() {
        assertThat(CountingSocket.messagesIn(datagram(28))).isEqualTo(1);
        assertThat(CountingSocket.messagesIn(datagram(90, 90, 90))).as("lengths padded to 4").isEqualTo(3);
        assertThat(CountingSocket.messagesIn(ByteBuffer.allocate(0))).isZero();
    }

    @Test
    void stopsAtAHeaderThatCannotBeOne() {
        ByteBuffer b = datagram(20, 20);
        b.putInt(20, 3);
        assertThat(CountingSocket.messagesIn(b)).isEqualTo(1);
    }
}
