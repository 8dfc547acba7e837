package lvsdirector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numeric forms only: no DNS traffic. */
class JdkHostResolverTest {
    private final HostResolver resolver = HostResolver.jdk();

    @ParameterizedTest(name = "{0} v6={1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            10.0.0.1      | false | 10.0.0.1
            010.0.0.1     | false | 8.0.0.1
            10.1          | false | 10.0.0.1
            0x0a.0.0.3    | false | 10.0.0.3
            167772164     | false | 10.0.0.4
            10.0.0.1      | true  | none
            256.0.0.1     | false | none
            10..1         | false | none
            08.0.0.1      | false | none
            ::1           | true  | 0:0:0:0:0:0:0:1
            ::1           | false | none
            ''            | false | 127.0.0.1
            ''            | true  | 0:0:0:0:0:0:0:1
            """)
    void numericForms(String name, boolean ipv6, String expected) {
        assertThat(resolver.resolve(name, ipv6).map(InetAddress::getHostAddress).orElse(null)).isEqualTo(expected);
    }
}
