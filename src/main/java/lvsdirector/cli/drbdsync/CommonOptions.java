package lvsdirector.cli.drbdsync;

import java.nio.file.Path;
import lvsdirector.daemon.ConnectionSyncSetup;
import picocli.CommandLine.Option;

/** Options every drbd-sync command shares. */
final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "lvs-director.conf (default: $LVS_DIRECTOR_SITE_CONFIG or /etc/ha.d/lvs-director.conf)")
    Path config;

    @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = "/var/run",
            description = "where the pid file lives (default: ${DEFAULT-VALUE})")
    Path runDir;

    Path configFile() {
        return config != null ? config : ConnectionSyncSetup.siteConfigPath();
    }

    Path pidFile() {
        return runDir.resolve("drbd-sync.pid");
    }
}
