package lvsdirector.cli.heartbeat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heartbeat nodestatus NODE}: like {@code cl_status nodestatus}, output and exit codes. */
@Command(name = "nodestatus", mixinStandardHelpOptions = true, versionProvider = HeartbeatMain.Version.class,
        description = "Print a node's status (active, up, init, dead) like cl_status nodestatus.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:the node is active or up", "1:the node is dead or init, or the peer is not running", "11:no such node"})
public final class NodestatusCommand implements Callable<Integer> {
    static final int NORMAL_FAIL = 1;
    static final int PARAMETER_ERROR = 11;

    @Spec
    private CommandSpec spec;

    @Option(names = "--state-dir", defaultValue = "/var/lib/heartbeat", paramLabel = "DIR", description = "state directory of the peer (default: ${DEFAULT-VALUE})")
    private Path stateDir;

    @Parameters(paramLabel = "NODE", description = "the node")
    private String node;

    @Override
    public Integer call() throws Exception {
        RuntimeFiles files = new RuntimeFiles(stateDir);
        if (files.runningPeer().isEmpty()) {
            spec.commandLine().getErr().println("Cannot signon with heartbeat: the peer is not running");
            return NORMAL_FAIL;
        }
        String status = files.readStatuses().get(node.toLowerCase(Locale.ROOT));
        if (status == null) {
            spec.commandLine().getErr().println("Error. May be due to incorrect node name");
            return PARAMETER_ERROR;
        }
        spec.commandLine().getOut().println(status);
        return status.equals("active") || status.equals("up") ? 0 : NORMAL_FAIL;
    }
}
