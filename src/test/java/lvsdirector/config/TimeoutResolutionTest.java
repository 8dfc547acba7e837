package lvsdirector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Effective check and negotiate timeouts: per-virtual of either kind beats any global value. */
class TimeoutResolutionTest {
    @TempDir
    Path root;

    @ParameterizedTest(name = "globals[{0}] virtual[{1}] -> check {2}, negotiate {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                  | ''                                  | 5  | 30
            checktimeout=7                      | ''                                  | 7  | 7
            negotiatetimeout=9                  | ''                                  | 9  | 9
            checktimeout=7;negotiatetimeout=9   | ''                                  | 7  | 9
            ''                                  | checktimeout=3                      | 3  | 3
            ''                                  | negotiatetimeout=4                  | 4  | 4
            checktimeout=7;negotiatetimeout=9   | negotiatetimeout=4                  | 4  | 4
            checktimeout=7;negotiatetimeout=9   | checktimeout=3                      | 3  | 3
            checktimeout=7                      | checktimeout=3;negotiatetimeout=4   | 3  | 4
            """)
    void resolution(String globals, String virtual, int check, int negotiate) {
        String text = globals.replace(';', '\n') + "\nvirtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate\n"
                + (virtual.isEmpty() ? "" : "\t" + virtual.replace(";", "\n\t") + "\n");
        DirectorConfig c = TestParsing.parseOk(root, text);
        VirtualConfig v = c.virtuals().get(0);
        assertThat(v.effectiveCheckTimeout(c.globals())).isEqualTo(check);
        assertThat(v.effectiveNegotiateTimeout(c.globals())).isEqualTo(negotiate);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fork=no;checkinterval=4  | checkinterval=2 | 4
            fork=yes;checkinterval=4 | checkinterval=2 | 2
            fork=yes;checkinterval=4 | failurecount=3  | 4
            """)
    void perVirtualCheckIntervalCountsOnlyWhenForking(String globals, String virtual, int interval) {
        DirectorConfig c = TestParsing.parseOk(root, globals.replace(';', '\n')
                + "\nvirtual=10.0.0.1:80\n\treal=10.0.0.2:80 gate\n\t" + virtual + "\n");
        assertThat(c.virtuals().get(0).effectiveCheckInterval(c.globals())).isEqualTo(interval);
    }
}
