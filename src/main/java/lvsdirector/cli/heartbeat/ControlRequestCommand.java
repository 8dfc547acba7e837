package lvsdirector.cli.heartbeat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands that ask the running peer over its control socket: standby, takeover, reload. */
final class ControlRequestCommand {
    static final int REFUSED = 1;

    private ControlRequestCommand() {}

    static int send(CommandSpec spec, Path stateDir, String request) throws IOException {
        if (new RuntimeFiles(stateDir).runningPeer().isEmpty()) {
            spec.commandLine().getErr().println("heartbeat: not running (no live pid in " + stateDir.resolve(RuntimeFiles.PID_FILE) + ")");
            return StopCommand.NOT_RUNNING;
        }
        String reply = ControlSocket.ask(stateDir, request);
        boolean ok = reply.startsWith("ok");
        (ok ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(reply);
        return ok ? 0 : REFUSED;
    }

    /** Options shared by the three commands. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--state-dir", defaultValue = "/var/lib/heartbeat", paramLabel = "DIR",
                description = "state directory of the peer (default: ${DEFAULT-VALUE})")
        Path stateDir;
    }

    @Command(name = "standby", mixinStandardHelpOptions = true, versionProvider = HeartbeatMain.Version.class,
            description = "Give resources to the other node, like hb_standby (all, local or foreign; default all).",
            exitCodeListHeading = "Exit status:%n", exitCodeList = {"0:standby started", "1:refused (reason on stderr)", "3:the peer is not running"})
    static final class Standby extends Base {
        @Parameters(arity = "0..1", defaultValue = "all", paramLabel = "all|local|foreign")
        String set;

        @Override
        public Integer call() throws Exception {
            return send(spec, stateDir, "standby " + set);
        }
    }

    @Command(name = "takeover", mixinStandardHelpOptions = true, versionProvider = HeartbeatMain.Version.class,
            description = "Ask the other node for resources, like hb_takeover (all, local, foreign or failback; default all).",
            exitCodeListHeading = "Exit status:%n", exitCodeList = {"0:request sent", "1:refused (reason on stderr)", "3:the peer is not running"})
    static final class Takeover extends Base {
        @Parameters(arity = "0..1", defaultValue = "all", paramLabel = "all|local|foreign|failback")
        String set;

        @Override
        public Integer call() throws Exception {
            return send(spec, stateDir, "takeover " + set);
        }
    }

    @Command(name = "reload", mixinStandardHelpOptions = true, versionProvider = HeartbeatMain.Version.class,
            description = "Re-read ha.cf, authkeys and haresources; a valid haresources is used from the next transition on.",
            exitCodeListHeading = "Exit status:%n", exitCodeList = {"0:reloaded", "1:refused (the error on stderr)", "3:the peer is not running"})
    static final class Reload extends Base {
        @Override
        public Integer call() throws Exception {
            return send(spec, stateDir, "reload");
        }
    }
}
