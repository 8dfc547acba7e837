package lvsdirector.cli.drbdsync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import lvsdirector.config.SiteConfig;
import lvsdirector.config.SiteConfigException;
import lvsdirector.config.SiteConfigParser;
import lvsdirector.state.DrbdStatus;
import lvsdirector.state.MountTable;
import lvsdirector.state.SplitBrainMarker;
import lvsdirector.state.StateDirectory;
import lvsdirector.state.StateSettings;
import lvsdirector.support.Hostnames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * DRBD and state-directory health in one screen. Exit status: 0 healthy, 1 degraded (not connected,
 * resync running, a disk not UpToDate), 2 split brain, 3 DRBD not configured here.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"DRBD role, connection, disks, resync progress, the state directory's files, split brain "
                + "with its guided recovery.", "Exit: 0 healthy, 1 degraded, 2 split brain, 3 not configured."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--resource", paramLabel = "NAME", description = "DRBD resource (default: drbd_resource, r0)")
    String resource;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "the DRBD state directory (default: state_directory)")
    Path stateDir;

    @Option(names = "--proc-drbd", hidden = true, description = "read this instead of /proc/drbd (tests)")
    Path procDrbd;

    @Option(names = "--proc-mounts", hidden = true, description = "read this instead of /proc/mounts (tests)")
    Path procMounts;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        StateSettings settings = settings();
        int minor;
        try {
            minor = settings.drbdMinor();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ExecutionException(spec.commandLine(), "drbd-sync: " + e.getMessage());
        }
        Clock clock = Clock.systemUTC();
        Optional<DrbdStatus> drbd = DrbdStatus.read(settings.procDrbd());
        List<String> hosts = drbd.isPresent() ? DrbdPeers.fromDrbdadm(settings.drbdResource()) : List.of();
        Path shown = settings.stateDir() != null ? settings.stateDir() : StateSettings.DEFAULT_STATE_DIR;
        DrbdReport report = new DrbdReport(settings.drbdResource(), minor, drbd, settings.node(), hosts,
                SplitBrainMarker.read(settings.localDir(), settings.drbdResource()), shown.toString());
        report.lines().forEach(System.out::println);
        System.out.println();
        Optional<MountTable.Mount> mount = MountTable.read(settings.procMounts()).at(shown);
        StateDirReport.lines(shown, mount, new StateDirectory(settings, clock).locate(), clock.instant())
                .forEach(System.out::println);
        DrbdVerdict verdict = report.verdict();
        System.out.println();
        System.out.println("status: " + verdict.word);
        return verdict.exitStatus;
    }

    /** lvs-director.conf, then the LVS_DIRECTOR_* environment, then the options. */
    private StateSettings settings() {
        Path file = common.configFile();
        SiteConfig site;
        try {
            site = new SiteConfigParser().parse(file);
        } catch (SiteConfigException | IOException e) {
            throw new CommandLine.ExecutionException(spec.commandLine(), "drbd-sync: " + file + ": " + e.getMessage());
        }
        StateSettings s = StateSettings.fromEnvironment(System.getenv(), new StateSettings(site.stateDirectory(),
                site.localStateDirectory(), site.drbdResource(), site.drbdDevice(), Path.of("/proc/drbd"),
                Path.of("/proc/mounts"), Hostnames.local()));
        return new StateSettings(stateDir != null ? stateDir : s.stateDir(), s.localDir(),
                resource != null ? resource : s.drbdResource(), s.drbdDevice(), procDrbd != null ? procDrbd : s.procDrbd(), procMounts != null ? procMounts : s.procMounts(), s.node());
    }
}
