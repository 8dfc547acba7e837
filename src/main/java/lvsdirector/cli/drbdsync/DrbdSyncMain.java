package lvsdirector.cli.drbdsync;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code scripts/drbd-sync}. */
@Command(name = "drbd-sync", mixinStandardHelpOptions = true,
        subcommands = {RunCommand.class, StartCommand.class, StopCommand.class, SyncStatusCommand.class,
                StatusCommand.class},
        description = "Per-node IPVS connection-sync service of lvs-director and DRBD state-directory status.")
public final class DrbdSyncMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DrbdSyncMain()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required (run, start, stop, sync-status, status)");
    }
}
