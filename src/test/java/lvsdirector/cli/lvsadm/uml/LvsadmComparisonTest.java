package lvsdirector.cli.lvsadm.uml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LvsadmComparisonTest {
    private static final String ENTRY = "TCP %s  SYN_RECV    10.0.1.103:42334   10.0.1.103:443     10.0.2.12:80";

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "00:41, 00:20, 00:19, true",
        "00:41, 00:41, 00:41, true",
        "01:00, 00:59, 00:59, true",
        "29:41, 29:41, 29:40, true",
        "00:41, 00:42, 00:19, false",
        "00:41, 00:18, 00:19, false",
    })
    void secondsLeftMustLieBetweenTheTwoIpvsadmRuns(String before, String middle, String after, boolean same) {
        assertThat(LvsadmComparison.between(ENTRY.formatted(before), ENTRY.formatted(middle), ENTRY.formatted(after)))
                .isEqualTo(same);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "TCP 00:20  SYN_RECV    10.0.1.103:42335   10.0.1.103:443     10.0.2.12:80",
        "TCP 00:20  SYN_RECV    10.0.1.103:42334   10.0.1.103:443     10.0.2.13:80",
        "UDP 00:20  SYN_RECV    10.0.1.103:42334   10.0.1.103:443     10.0.2.12:80",
        "TCP 00:20  ESTABLISHED 10.0.1.103:42334   10.0.1.103:443     10.0.2.12:80",
    })
    void everythingElseMustBeEqual(String middle) {
        assertThat(LvsadmComparison.between(ENTRY.formatted("00:41"), middle, ENTRY.formatted("00:19"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"IPVS connection entries", "pro expire state       source"})
    void titleLinesMustBeEqual(String title) {
        assertThat(LvsadmComparison.between(title, title, title)).isTrue();
        assertThat(LvsadmComparison.between(title, title + " ", title)).isFalse();
    }
}
