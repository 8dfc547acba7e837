package lvsdirector.cli.heartbeat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heartbeat stop}: SIGTERM to the running peer and wait until it has gone. */
@Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = HeartbeatMain.Version.class,
        description = "Stop the running heartbeat peer gracefully (it announces its shutdown).")
public final class StopCommand implements Callable<Integer> {
    static final int NOT_RUNNING = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--state-dir", defaultValue = "/var/lib/heartbeat", paramLabel = "DIR", description = "state directory of the peer (default: ${DEFAULT-VALUE})")
    private Path stateDir;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS", description = "how long to wait (default: ${DEFAULT-VALUE})")
    private int timeout;

    @Override
    public Integer call() throws Exception {
        Optional<ProcessHandle> peer = new RuntimeFiles(stateDir).runningPeer();
        if (peer.isEmpty()) {
            spec.commandLine().getErr().println("heartbeat: not running (no live pid in " + stateDir.resolve(RuntimeFiles.PID_FILE) + ")");
            return NOT_RUNNING;
        }
        peer.get().destroy();
        try {
            peer.get().onExit().get(timeout, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            spec.commandLine().getErr().println("heartbeat: pid " + peer.get().pid() + " still running after " + timeout + " s");
            return 1;
        }
        spec.commandLine().getOut().println("heartbeat stopped");
        return 0;
    }
}
