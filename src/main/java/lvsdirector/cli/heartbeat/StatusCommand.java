package lvsdirector.cli.heartbeat;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code heartbeat status [NODE]}: with a node, prints its status word like {@code cl_status nodestatus}
 * ({@code active}, {@code up}, {@code init}, {@code dead}); without, one {@code node: status} line per node.
 */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = HeartbeatMain.Version.class,
        description = "Print node statuses as the running peer sees them.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:printed", "2:no such node", "3:the peer is not running"})
public final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--state-dir", defaultValue = "/var/lib/heartbeat", paramLabel = "DIR", description = "state directory of the peer (default: ${DEFAULT-VALUE})")
    private Path stateDir;

    @Parameters(arity = "0..1", paramLabel = "NODE", description = "print only this node's status")
    private String node;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuntimeFiles files = new RuntimeFiles(stateDir);
        if (files.runningPeer().isEmpty()) {
            err.println("heartbeat is stopped. No process");
            return StopCommand.NOT_RUNNING;
        }
        Map<String, String> statuses = files.readStatuses();
        if (node == null) {
            statuses.forEach((n, s) -> out.println(n + ": " + s));
            return 0;
        }
        String status = statuses.get(node.toLowerCase(Locale.ROOT));
        if (status == null) {
            err.println("Error: unknown node [" + node + "]");
            return 2;
        }
        out.println(status);
        return 0;
    }
}
