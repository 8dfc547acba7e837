package lvsdirector.daemon;

import java.nio.file.Path;
import lvsdirector.config.ConfigLocator;

/**
 * How this daemon runs.
 *
 * @param location   the config file and ldirectord's names for it
 * @param backend    auto, memory or kernel
 * @param debug      -d: foreground, messages to stderr, no pid file
 * @param runDir     where the pid file and the control socket live (/var/run)
 * @param launcher   the ldirectord entry point, for execute= companions (may be null)
 * @param signals    install the HUP/TERM/INT/QUIT handlers (off when embedded in another program, e.g. tests)
 */
public record DaemonOptions(ConfigLocator.Location location, String backend, boolean debug, Path runDir,
                            String launcher, boolean signals) {

    /** The control socket of this configuration. */
    public Path controlSocket() {
        return controlSocket(runDir, location.cfgName());
    }

    public static Path controlSocket(Path runDir, String cfgName) {
        return runDir.resolve("lvs-director").resolve(cfgName + ".sock");
    }
}
