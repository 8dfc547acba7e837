package lvsdirector.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scripts/jvm-start.sh without a JVM run: which invocations count as short tools (C1-only, serial GC) and
 * which may run or spawn a daemon (keep the full JIT), and that LVS_DIRECTOR_JVM_TUNING=off turns it all off.
 */
class JvmStartOptionsTest {
    private static final Path PROJECT = Path.of(System.getProperty("project.basedir", "."));
    private static final String SOURCE = ". " + PROJECT.resolve("scripts/jvm-start.sh") + "; ";

    @ParameterizedTest(name = "{0} {1}: short={2}")
    @CsvSource(delimiter = '|', value = {
        "lvsadm       | -L -n                          | true",
        "lvsadm       | -L -n --daemon                 | true",
        "ldirectord   | www.cf status                  | true",
        "ldirectord   | www.cf stop                    | true",
        "ldirectord   | -d www.cf configtest           | true",
        "ldirectord   | www.cf drain 10.0.0.1:80       | true",
        "ldirectord   | www.cf start                   | false",
        "ldirectord   | -d www.cf start                | false",
        "ldirectord   | --foreground --backend=kernel www.cf start | false",
        "ldirectord   | www.cf restart                 | false",
        "ldirectord   | www.cf reload                  | false",
        "ldirectord   | www.cf try-restart             | false",
        "ldirectord   | standby                        | false",
        "heartbeat    | status                         | true",
        "heartbeat    | decode --summary a.pcap        | true",
        "heartbeat    | start --config-dir /etc/ha.d   | false",
        "lvs-heartbeat| start                          | false",
        "drbd-sync    | sync-status                    | true",
        "drbd-sync    | run                            | false",
        "drbd-sync    | start --config /etc/x          | false",
        "demo         | anything                       | false",
    })
    void shortToolsAreTheOnesThatDoNotBecomeDaemons(String program, String arguments, boolean expected)
            throws Exception {
        Command result = sh("set -eu; if lvs_short_tool " + program + " " + arguments + "; then echo short; "
                + "else echo long; fi", Map.of());
        assertThat(result.out().strip()).as(result.transcript()).isEqualTo(expected ? "short" : "long");
    }

    @Test
    void shortToolGetsC1OnlyWithoutPerfDataAndDaemonKeepsTheJitWhenNoArchiveCanBeBuilt() throws Exception {
        // a class list that does not exist: no archive, only the JIT/GC choice is left to see
        String options = "lvs_jvm_options java /nonexistent.jar /nonexistent.classlist /nonexistent ";
        Command shortTool = sh("set -eu; " + options + "lvsadm -L -n; echo \"[$LVS_JVM_OPTIONS]\"", Map.of());
        Command daemon = sh("set -eu; " + options + "ldirectord x.cf start; echo \"[$LVS_JVM_OPTIONS]\"", Map.of());
        assertThat(shortTool.out().strip()).as(shortTool.transcript())
                .isEqualTo("[-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData]");
        assertThat(daemon.out().strip()).as(daemon.transcript()).isEqualTo("[-XX:+PerfDisableSharedMem]");
    }

    @Test
    void tuningOffLeavesTheJvmAlone() throws Exception {
        Command off = sh("set -eu; lvs_jvm_options java /nonexistent.jar /nonexistent.classlist /nonexistent "
                + "lvsadm -L -n; echo \"[$LVS_JVM_OPTIONS]\"", Map.of("LVS_DIRECTOR_JVM_TUNING", "off"));
        assertThat(off.out().strip()).as(off.transcript()).isEqualTo("[]");
    }

    private static Command sh(String script, Map<String, String> environment) throws Exception {
        // dash where installed: the packaged launcher sources jvm-start.sh from /bin/sh
        return Command.run(environment, PROJECT, List.of("/bin/sh", "-c", SOURCE + script));
    }
}
