package lvsdirector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HotStandbyLdirectordTest {
    private static final List<String> PEER_JVM = List.of("/usr/bin/java", "-Xss1m", "-Dlvsdirector.program=heartbeat",
            "-Dlvsdirector.launcher=/opt/lvs/scripts/heartbeat", "-cp", "x.jar", "lvsdirector.cli.LdirectordMain", "--daemon-child",
            "/etc/ha.d/ldirectord.cf", "standby");

    @Test
    void theStandbyDirectorIsNamedLdirectordWithItsOwnLauncherAndKeepsTheJvmOptions() {
        assertThat(HotStandbyLdirectord.childCommand(PEER_JVM, "/opt/lvs/scripts/ldirectord")).containsExactly(
                "/usr/bin/java", "-Xss1m", "-Dlvsdirector.program=ldirectord", "-Dlvsdirector.launcher=/opt/lvs/scripts/ldirectord",
                "-cp", "x.jar", "lvsdirector.cli.LdirectordMain", "--daemon-child", "/etc/ha.d/ldirectord.cf", "standby");
    }
}
