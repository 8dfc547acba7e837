package lvsdirector.cli.drbdsync;

import java.nio.file.Path;
import java.io.IOException;
import lvsdirector.config.SiteConfig;
import lvsdirector.config.SiteConfigException;
import lvsdirector.config.SiteConfigParser;
import lvsdirector.ipvs.kernel.IpvsBackends;
import lvsdirector.ipvs.kernel.KernelIpvsBackend;
import picocli.CommandLine;

/** Opens what the commands need, turning every failure into a one-line error and exit status 1. */
final class KernelAccess {
    private KernelAccess() {}

    static KernelIpvsBackend kernel(CommandLine cmd) {
        IpvsBackends.Selection selection = IpvsBackends.tryKernel();
        if (!selection.available()) {
            throw new CommandLine.ExecutionException(cmd, "drbd-sync: kernel IPVS unavailable: "
                    + selection.unavailableReason());
        }
        return selection.backend();
    }

    static SiteConfig siteConfig(CommandLine cmd, Path file) {
        SiteConfig site;
        try {
            site = new SiteConfigParser().parse(file);
        } catch (SiteConfigException | IOException e) {
            throw new CommandLine.ExecutionException(cmd, "drbd-sync: " + file + ": " + e.getMessage());
        }
        if (!site.syncEnabled()) {
            throw new CommandLine.ExecutionException(cmd, "drbd-sync: no sync_interface in " + file
                    + ": connection sync is off");
        }
        return site;
    }
}
