package lvsdirector.netlink.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InheritedSignalsTest {
    /** A real /proc/PID/status tail of a process started under nohup (HUP = bit 0) with INT ignored too. */
    static final String NOHUP = "Name:\tjava\nSigQ:\t0/63360\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\n"
            + "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000003\nSigCgt:\t2000000181005ccc\n";

    @Test
    void readsTheIgnoredMaskBitPerSignal() {
        assertThat(InheritedSignals.ignoredIn(NOHUP, 1)).as("HUP").isTrue();
        assertThat(InheritedSignals.ignoredIn(NOHUP, 2)).as("INT").isTrue();
        assertThat(InheritedSignals.ignoredIn(NOHUP, 15)).as("TERM").isFalse();
        assertThat(InheritedSignals.ignoredIn(NOHUP.replace("0000000000000003", "0000000000004000"), 15)).isTrue();
        assertThat(InheritedSignals.ignoredIn(NOHUP.replace("0000000000000003", "8000000000000000"), 64)).isTrue();
    }

    @Test
    void aStatusWithoutTheMaskIsAnErrorNotAnAnswer() {
        assertThatThrownBy(() -> InheritedSignals.ignoredIn("Name:\tjava\n", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SigIgn");
        assertThatThrownBy(() -> InheritedSignals.ignoredIn(NOHUP, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisProcessesOwnStatusIsRead() throws Exception {
        // the JVM running the tests handles TERM itself (shutdown hooks), so it is not ignored
        assertThat(InheritedSignals.ignored(15)).isFalse();
    }
}
