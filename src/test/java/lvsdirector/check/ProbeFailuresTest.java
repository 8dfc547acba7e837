package lvsdirector.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import lvsdirector.check.CheckResult.FailureReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeFailuresTest {

    /** NIO and Netty's native epoll transport word the same failures differently; the check's message must not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "connect | Connection refused: /127.0.0.1:1 | Connection refused",
        "connect | finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:1 | Connection refused",
        "connect | connect(..) failed: Network is unreachable: /10.1.2.3:80 | Network is unreachable",
        "io | recvAddress(..) failed with error(-104): Connection reset by peer | Connection reset by peer",
        "io | Connection reset | Connection reset",
    })
    void describesNioAndNativeFailuresAlike(String kind, String message, String described) {
        Exception error = kind.equals("connect") ? new ConnectException(message) : new IOException(message);
        assertThat(ProbeFailures.describe(error)).isEqualTo(described);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:1 | REFUSED",
        "Connection refused: /127.0.0.1:1 | REFUSED",
    })
    void reasonComesFromTheSystemsWords(String message, FailureReason reason) {
        CheckResult result = ProbeFailures.cantConnect("127.0.0.1:1", new ConnectException(message), Duration.ZERO);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.message()).isEqualTo("Can't connect to 127.0.0.1:1 (Connection refused)");
    }
}
