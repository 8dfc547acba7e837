package lvsdirector.cli.heartbeat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heartbeat rscstatus}: like {@code cl_status rscstatus}, what this node holds. */
@Command(name = "rscstatus", mixinStandardHelpOptions = true, versionProvider = HeartbeatMain.Version.class,
        description = "Print which resources this node holds: none, local, foreign, all, or transition.",
        exitCodeListHeading = "Exit status:%n", exitCodeList = {"0:printed", "1:the peer is not running"})
public final class RscstatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--state-dir", defaultValue = "/var/lib/heartbeat", paramLabel = "DIR", description = "state directory of the peer (default: ${DEFAULT-VALUE})")
    private Path stateDir;

    @Override
    public Integer call() throws Exception {
        RuntimeFiles files = new RuntimeFiles(stateDir);
        Optional<String> status = files.runningPeer().isPresent() ? files.readRscStatus() : Optional.empty();
        if (status.isEmpty()) {
            spec.commandLine().getErr().println("Cannot signon with heartbeat: the peer is not running");
            return NodestatusCommand.NORMAL_FAIL;
        }
        spec.commandLine().getOut().println(status.get());
        return 0;
    }
}
