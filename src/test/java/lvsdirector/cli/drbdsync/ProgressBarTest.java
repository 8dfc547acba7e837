package lvsdirector.cli.drbdsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lvsdirector.state.DrbdStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressBarTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0   | -1   | [>...................] 0.0%",
            "41.2  | 12   | [========>...........] 41.2% finish 0:00:12",
            "99.9  | 1    | [===================>] 99.9% finish 0:00:01",
            "100.0 | 0    | [====================] 100.0% finish 0:00:00",
            "17.5  | 3725 | [===>................] 17.5% finish 1:02:05"})
    void rendersDoneShareAndTimeLeft(double percent, long finishSeconds, String expected) {
        Duration finish = finishSeconds < 0 ? null : Duration.ofSeconds(finishSeconds);
        assertThat(ProgressBar.render(new DrbdStatus.Resync("sync'ed", percent, finish))).isEqualTo(expected);
    }
}
