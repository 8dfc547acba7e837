package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartProgressTest {

    @Test
    void reportsTheLastStepWithItsOwnDuration() throws Exception {
        StartProgress progress = new StartProgress();
        assertThat(progress.current()).matches("not started \\(\\d+\\.\\d s\\)");

        progress.step("first");
        Thread.sleep(120);
        progress.step("second");

        assertThat(progress.current()).matches("second \\(0\\.[01] s\\)");
        assertThat(progress.elapsed().toMillis()).isGreaterThanOrEqualTo(120);
    }
}
