package lvsdirector.cli.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lvsdirector.heartbeat.config.AuthkeysParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureWarmupTest {

    @ParameterizedTest
    @ValueSource(strings = {"auth 1\n1 sha1 secret\n", "auth 2\n2 md5 secret\n", "auth 3\n3 crc\n",
            "auth 1\n1 sha1 one\n2 md5 two\n3 crc\n"})
    void signsAndVerifiesWithEveryKey(String authkeys) throws Exception {
        Duration took = SignatureWarmup.run(AuthkeysParser.parse("authkeys", authkeys));

        assertThat(took).isPositive().isLessThan(Duration.ofSeconds(30));
    }
}
