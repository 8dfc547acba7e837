package lvsdirector.cli.heartbeat;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code scripts/heartbeat}: tools around the heartbeat peer. */
@Command(name = "heartbeat", mixinStandardHelpOptions = true, subcommands = {DecodeCommand.class, StartCommand.class, StopCommand.class, StatusCommand.class,
        NodestatusCommand.class, RscstatusCommand.class, ControlRequestCommand.Standby.class, ControlRequestCommand.Takeover.class,
        ControlRequestCommand.Reload.class},
        versionProvider = HeartbeatMain.Version.class,
        description = "Tools for the heartbeat-compatible peer of lvs-director.")
public final class HeartbeatMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The jar's Implementation-Version, or "development build" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = HeartbeatMain.class.getPackage().getImplementationVersion();
            return new String[] {"lvs-director heartbeat tools " + (v == null ? "(development build)" : v)};
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HeartbeatMain()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (start, stop, status, nodestatus, rscstatus, standby, takeover, reload, decode)");
    }
}
