package lvsdirector.check.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.HttpCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardKeyTest {

    private static InetAddress real(int i) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {127, 10, (byte) (i / 250), (byte) (i % 250 + 1)});
    }

    @Test
    void aRealKeepsItsLoopWhateverItsCheckLooksLike() throws UnknownHostException {
        InetAddress address = real(42);
        ConnectCheck connect = new ConnectCheck(address, 8080, Duration.ofSeconds(1));
        HttpCheck http = new HttpCheck(address, 8080, "http://127.10.0.43:8080/", null, HttpCheck.Method.GET, "ok",
                Duration.ofSeconds(5), false);

        for (int shards = 1; shards <= 8; shards++) {
            assertThat(ShardKey.of(http, shards)).isEqualTo(ShardKey.of(connect, shards));
        }
    }

    @Test
    void theKeyIsFixedByAddressAndPortAlone() throws UnknownHostException {
        // the same real computed twice from fresh objects: reloads build new specs
        ConnectCheck a = new ConnectCheck(real(7), 80, Duration.ofSeconds(1));
        ConnectCheck b = new ConnectCheck(real(7), 80, Duration.ofSeconds(3));
        assertThat(ShardKey.of(a, 4)).isEqualTo(ShardKey.of(b, 4));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void consecutiveRealsSpreadEvenlyOverTheLoops(int shards) throws UnknownHostException {
        int reals = 10_000;
        int[] perShard = new int[shards];
        for (int i = 0; i < reals; i++) {
            int shard = ShardKey.of(new ConnectCheck(real(i), 28080, Duration.ofSeconds(1)), shards);
            assertThat(shard).isBetween(0, shards - 1);
            perShard[shard]++;
        }
        int fair = reals / shards;
        for (int count : perShard) {
            assertThat(count).as("reals on one loop of %d", shards).isBetween(fair * 9 / 10, fair * 11 / 10);
        }
    }

    @Test
    void oneLoopTakesEverything() throws UnknownHostException {
        for (int port : List.of(1, 80, 65535)) {
            assertThat(ShardKey.of(new ConnectCheck(real(3), port, Duration.ofSeconds(1)), 1)).isZero();
        }
        assertThatThrownBy(() -> ShardKey.of(new ConnectCheck(real(3), 1, Duration.ofSeconds(1)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
