package lvsdirector.heartbeat.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Crc32PosixTest {

    @ParameterizedTest
    @CsvSource({"123456789,765e7680", "'',ffffffff", "a,579b24df"})
    void matchesTheSelfCheckValues(String input, String token) {
        assertThat(AuthMethod.CRC.token(new byte[0], input.getBytes(US_ASCII))).isEqualTo(token);
    }
}
