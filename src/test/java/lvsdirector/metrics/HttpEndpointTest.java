package lvsdirector.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpEndpointTest {

    @ParameterizedTest
    @CsvSource({
        "9510, 127.0.0.1, 9510",
        "127.0.0.1:0, 127.0.0.1, 0",
        "' 10.1.2.3:8080 ', 10.1.2.3, 8080",
        "[::1]:9510, ::1, 9510",
        "localhost:80, localhost, 80",
    })
    void parsesHostAndPort(String text, String host, int port) {
        assertThat(HttpEndpoint.parse(text)).contains(new HttpEndpoint(host, port));
    }

    @Test
    void offMeansNoEndpoint() {
        assertThat(HttpEndpoint.parse("off")).isEmpty();
        assertThat(HttpEndpoint.parse("OFF")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "127.0.0.1:http | 'http' is not a port number",
        "127.0.0.1:     | '' is not a port number",
        "::1:9510       | write an IPv6 address as [IPV6]:PORT",
        "[::1]9510      | expected [IPV6]:PORT",
        "127.0.0.1:70000| port 70000 is out of range",
        ":9510          | empty host",
        "yes            | 'yes' is not a port number",
    })
    void badSettingsAreRefusedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> HttpEndpoint.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void theDefaultIsLoopbackAndTheEnvironmentCanChangeIt() {
        String saved = System.clearProperty(HttpEndpoint.PROPERTY);
        try {
            assertThat(HttpEndpoint.configured(Map.of())).contains(new HttpEndpoint("127.0.0.1", 9510));
            assertThat(HttpEndpoint.configured(Map.of(HttpEndpoint.ENVIRONMENT, "off"))).isEqualTo(Optional.empty());
            System.setProperty(HttpEndpoint.PROPERTY, "127.0.0.1:9600");
            assertThat(HttpEndpoint.configured(Map.of(HttpEndpoint.ENVIRONMENT, "off")))
                    .as("the property wins over the environment").contains(HttpEndpoint.loopback(9600));
        } finally {
            if (saved == null) {
                System.clearProperty(HttpEndpoint.PROPERTY);
            } else {
                System.setProperty(HttpEndpoint.PROPERTY, saved);
            }
        }
    }

    @Test
    void printsIpv6Bracketed() {
        assertThat(new HttpEndpoint("::1", 80)).hasToString("[::1]:80");
        assertThat(HttpEndpoint.loopback(9510)).hasToString("127.0.0.1:9510");
    }
}
