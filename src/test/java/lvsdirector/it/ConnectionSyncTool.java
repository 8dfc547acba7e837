package lvsdirector.it;

import java.time.Clock;
import lvsdirector.check.external.ExternalRunAs;
import lvsdirector.config.SiteConfig;
import lvsdirector.daemon.SiteSettings;
import lvsdirector.state.StateDirectory;

import java.nio.file.Path;
import lvsdirector.config.ConfigParser;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.ParseMode;
import lvsdirector.config.ParseResult;
import lvsdirector.config.ParserOptions;
import lvsdirector.daemon.ConnectionSync;
import lvsdirector.daemon.ConnectionSyncSetup;
import lvsdirector.ipvs.kernel.IpvsBackends;
import lvsdirector.ipvs.kernel.KernelIpvsBackend;

/**
 * Run inside UML by {@link IpvsSyncIT}: the director daemon's connection-sync steps on the real kernel,
 * without the rest of the daemon. {@code restore CF} = start the master and restore from the snapshot;
 * {@code snapshot CF} = snapshot the kernel's templates and stop the master, as a graceful stop does.
 * lvs-director.conf comes from -Dlvsdirector.siteconfig.
 */
public final class ConnectionSyncTool {
    private ConnectionSyncTool() {}

    public static void main(String[] args) throws Exception {
        ParseResult parsed = new ConfigParser(ParserOptions.system()).parse(Path.of(args[1]), ParseMode.FIRST_ERROR);
        if (!parsed.ok()) {
            throw new IllegalStateException(parsed.errors().toString());
        }
        DirectorConfig config = parsed.config();
        IpvsBackends.Selection selection = IpvsBackends.tryKernel();
        try (KernelIpvsBackend kernel = selection.backend()) {
            SiteConfig site = ConnectionSyncSetup.loadSiteConfig(ConnectionSyncSetup.siteConfigPath(), System.out::println)
                    .orElseThrow();
            StateDirectory state = new StateDirectory(
                    new SiteSettings(site, ExternalRunAs.DIRECT).stateSettings(System.getenv()), Clock.systemUTC());
            ConnectionSync sync = ConnectionSyncSetup.forDirector(kernel, site, state, System.out::println).orElseThrow();
            if (args[0].equals("restore")) {
                sync.startMaster();
                sync.restore(config, kernel);
            } else {
                System.out.println("snapshot of " + sync.snapshot() + " templates");
                sync.close();
            }
        }
    }
}
