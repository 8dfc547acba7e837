package lvsdirector.netlink.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real ICMP echo on loopback; needs root (raw sockets) or a ping_group_range that admits us. */
class PingerIT {
    private Pinger pinger;

    @BeforeEach
    void open() {
        pinger = new Pinger();
        try {
            pinger.usesRawSockets();
        } catch (IOException e) {
            RealParts.assume(false, "ICMP sockets: " + e.getMessage());
        }
    }

    @AfterEach
    void close() {
        pinger.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void loopbackAnswers(String address) throws Exception {
        InetAddress target = InetAddress.getByName(address);
        for (int i = 0; i < 3; i++) {
            Duration rtt = pinger.echo(target).get(2, TimeUnit.SECONDS);
            assertThat(rtt).isPositive().isLessThan(Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void manyConcurrentEchoesAllComplete(String address) throws Exception {
        InetAddress target = InetAddress.getByName(address);
        CompletableFuture<?>[] replies = new CompletableFuture<?>[50];
        for (int i = 0; i < replies.length; i++) {
            replies[i] = pinger.echo(target);
        }
        CompletableFuture.allOf(replies).get(3, TimeUnit.SECONDS);
    }
}
