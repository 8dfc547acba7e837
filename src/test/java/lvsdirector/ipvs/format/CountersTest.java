package lvsdirector.ipvs.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0                    | '        0'",
        "99999999             | ' 99999999'",
        "100000000            | '  100000K'",
        "150150113            | '  150150K'",
        "999999999            | '  999999K'",
        "1000000000           | '    1000M'",
        "99999999999          | '   99999M'",
        "100000000000         | '     100G'",
        "99999999999999       | '   99999G'",
        "100000000000000      | '     100T'",
        "-1                   | '18446744T'",
    })
    void scalesLikeIpvsadmWithoutExact(long value, String expected) {
        assertThat(Counters.largeNumber(value, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0                    | '        0'",
        "12345678             | ' 12345678'",
        "123456789            | ' 123456789'",
        "150150113            | ' 150150113'",
        "-1                   | ' 18446744073709551615'",
    })
    void widensOnlyWhenNeededWithExact(long value, String expected) {
        assertThat(Counters.largeNumber(value, true)).isEqualTo(expected);
    }
}
