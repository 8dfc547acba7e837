package lvsdirector.cli.drbdsync;

import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lvsdirector.config.SiteConfig;
import lvsdirector.daemon.SdNotify;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.kernel.KernelIpvsBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Foreground service: starts the BACKUP sync daemon, reports READY to systemd, re-adds the daemon when it
 * vanishes, and removes it on TERM/INT.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Keep the IPVS sync backup daemon running on the sync interface (foreground).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--check-interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "how often to verify the backup daemon still runs (default: ${DEFAULT-VALUE})")
    int checkInterval;

    @Option(names = "--pid-file", description = "write the pid file in the run directory (used by start)")
    boolean writePidFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SiteConfig site = KernelAccess.siteConfig(spec.commandLine(), common.configFile());
        long pid = ProcessHandle.current().pid();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        try (KernelIpvsBackend kernel = KernelAccess.kernel(spec.commandLine());
             SdNotify notifier = SdNotify.fromEnvironment()) {
            BackupKeeper keeper = new BackupKeeper(kernel, site, RunCommand::log);
            keeper.ensure();
            if (writePidFile) {
                Files.writeString(common.pidFile(), pid + "\n");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                awaitQuietly(finished);
            }, "drbd-sync-stop"));
            notifier.ready(pid, "sync backup on " + keeper.backup().interfaceName());
            try {
                while (!stop.await(checkInterval, TimeUnit.SECONDS)) {
                    keepQuietly(keeper);
                }
            } finally {
                keeper.remove();
                if (writePidFile) {
                    Files.deleteIfExists(common.pidFile());
                }
                finished.countDown();
            }
        }
        return 0;
    }

    private static void keepQuietly(BackupKeeper keeper) {
        try {
            if (keeper.ensure()) {
                log("the backup daemon had vanished; re-added");
            }
        } catch (IpvsException e) {
            log("cannot check the backup daemon: " + e.getMessage());
        }
    }

    static void log(String message) {
        System.out.println(Instant.now() + " drbd-sync: " + message);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
