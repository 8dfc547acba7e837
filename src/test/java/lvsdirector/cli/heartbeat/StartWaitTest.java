package lvsdirector.cli.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import lvsdirector.heartbeat.config.HaCf;
import lvsdirector.heartbeat.config.HaCfParser;
import lvsdirector.heartbeat.node.StartProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartWaitTest {

    private static HaCf haCf(String initdead) throws Exception {
        return HaCfParser.parse("ha.cf", "keepalive 1\ndeadtime 10\n" + (initdead.isEmpty() ? "" : "initdead " + initdead + "\n")
                + "bcast eth0\nnode a b\n");
    }

    @ParameterizedTest
    @CsvSource({"'', 120", "30, 120", "120, 120", "300, 300"})
    void waitsForInitdeadButNeverLessThanTwoMinutes(String initdead, long expectedSeconds) throws Exception {
        assertThat(StartWait.bound(haCf(initdead))).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }

    @Test
    void aTimeOutNamesTheStepThatDidNotFinishAndWhatToDo() {
        StartProgress progress = new StartProgress();
        progress.step("opening the media on [eth0]");

        String message = StartWait.timedOut(Duration.ofSeconds(120), progress);

        assertThat(message).startsWith("the peer did not start within 120 s")
                .contains("still opening the media on [eth0] (")
                .contains("check the load")
                .doesNotContain("null");
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        StartProgress progress = new StartProgress();
        progress.step("sending the first status packet");

        assertThat(StartWait.failed(new TimeoutException(), progress))
                .startsWith("TimeoutException (while sending the first status packet (");
    }

    @Test
    void aWrappedFailureReportsItsCause() {
        StartProgress progress = new StartProgress();

        String message = StartWait.failed(new ExecutionException(new IllegalStateException("bind: address in use")), progress);

        assertThat(message).startsWith("bind: address in use (while not started (");
    }
}
