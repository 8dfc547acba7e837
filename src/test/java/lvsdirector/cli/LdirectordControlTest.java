package lvsdirector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lvsdirector.daemon.ControlServer;
import lvsdirector.daemon.DaemonOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one mapping of a control request's outcome to an error, as the CLI and the hot-standby agent use it. */
class LdirectordControlTest {
    @TempDir
    Path run;

    @Test
    void doneIsEmptyARefusalCarriesTheDaemonsWordsAndNoDaemonSaysSo() throws Exception {
        LdirectordControl control = new LdirectordControl(run, "www");
        assertThat(control.perform("activate")).hasValueSatisfying(why -> assertThat(why)
                .startsWith("cannot reach the director for www to activate: "));
        try (ControlServer server = ControlServer.start(DaemonOptions.controlSocket(run, "www"), (arguments, out) -> {
            if (arguments.get(0).equals("activate")) {
                return 0;
            }
            out.println("already in standby");
            return 2;
        })) {
            assertThat(control.perform("activate")).isEmpty();
            assertThat(control.perform("deactivate"))
                    .contains("deactivate refused by the director for www: already in standby");
        }
    }
}
