package lvsdirector.cli.drbdsync;

import java.util.function.Consumer;
import lvsdirector.config.SiteConfig;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonState;
import lvsdirector.ipvs.kernel.SyncDaemon;
import lvsdirector.ipvs.kernel.SyncDaemonControl;

/**
 * Keeps one BACKUP sync daemon with the site's settings in the kernel: adds it when it is missing
 * (first start, or someone stopped it), leaves a running one alone, removes it on {@link #remove()}.
 */
final class BackupKeeper {
    private final SyncDaemonControl control;
    private final SyncDaemon backup;
    private final Consumer<String> log;

    BackupKeeper(SyncDaemonControl control, SiteConfig site, Consumer<String> log) {
        this.control = control;
        this.backup = new SyncDaemon(DaemonState.BACKUP, site.syncInterface().orElseThrow(), site.syncId(),
                site.syncMaxLength().orElse(0), site.syncGroup(), site.syncPort(), site.syncTtl());
        this.log = log;
    }

    SyncDaemon backup() {
        return backup;
    }

    /** Returns true when the daemon had to be (re)added. */
    boolean ensure() throws IpvsException {
        boolean running = control.daemons().stream().anyMatch(d -> d.state() == DaemonState.BACKUP);
        if (running) {
            return false;
        }
        try {
            control.startDaemon(backup);
        } catch (IpvsException e) {
            if (e.errno() != IpvsException.Errno.EEXIST) {
                throw e;
            }
            return false;
        }
        log.accept("started IPVS sync backup on " + backup.interfaceName() + " (syncid " + backup.syncId() + ")");
        return true;
    }

    void remove() {
        try {
            control.stopDaemon(DaemonState.BACKUP);
            log.accept("stopped IPVS sync backup");
        } catch (IpvsException e) {
            log.accept("cannot stop IPVS sync backup: " + e.getMessage());
        }
    }
}
