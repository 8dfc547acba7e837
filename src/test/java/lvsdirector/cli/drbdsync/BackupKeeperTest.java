package lvsdirector.cli.drbdsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lvsdirector.config.SiteConfig;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonState;
import lvsdirector.ipvs.kernel.SyncDaemon;
import lvsdirector.ipvs.kernel.SyncDaemonControl;
import org.junit.jupiter.api.Test;

class BackupKeeperTest {
    private static final SiteConfig SITE = new SiteConfig(Optional.of("eth1"), 7, Optional.empty(),
            SiteConfig.DEFAULT_SYNC_GROUP, 8848, 1, Path.of("/s"), Path.of("/l"), "r0", Path.of("/dev/drbd0"),
            Duration.ofSeconds(5), Optional.empty());

    /** Behaves like the kernel: at most one daemon per state, EEXIST/ESRCH otherwise. */
    private static class KernelLike implements SyncDaemonControl {
        final List<SyncDaemon> running = new ArrayList<>();
        int starts;

        @Override
        public void startDaemon(SyncDaemon daemon) throws IpvsException {
            if (running.stream().anyMatch(d -> d.state() == daemon.state())) {
                throw new IpvsException(IpvsException.Errno.EEXIST, "Daemon has already run");
            }
            starts++;
            running.add(daemon);
        }

        @Override
        public void stopDaemon(DaemonState state) throws IpvsException {
            if (!running.removeIf(d -> d.state() == state)) {
                throw new IpvsException(IpvsException.Errno.ESRCH, "No daemon is running");
            }
        }

        @Override
        public List<SyncDaemon> daemons() {
            return List.copyOf(running);
        }
    }

    private final KernelLike kernel = new KernelLike();
    private final List<String> log = new ArrayList<>();
    private final BackupKeeper keeper = new BackupKeeper(kernel, SITE, log::add);

    @Test
    void startsTheBackupWithTheSiteSettingsOnceAndLeavesTheMasterAlone() throws Exception {
        kernel.startDaemon(SyncDaemon.of(DaemonState.MASTER, "eth1", 7));

        assertThat(keeper.ensure()).isTrue();
        assertThat(keeper.ensure()).isFalse();

        assertThat(kernel.running).contains(new SyncDaemon(DaemonState.BACKUP, "eth1", 7, 0,
                SiteConfig.DEFAULT_SYNC_GROUP, 8848, 1));
        assertThat(kernel.starts).isEqualTo(2);
        assertThat(log).containsExactly("started IPVS sync backup on eth1 (syncid 7)");
    }

    @Test
    void reAddsABackupThatVanished() throws Exception {
        keeper.ensure();
        kernel.stopDaemon(DaemonState.BACKUP);

        assertThat(keeper.ensure()).isTrue();
        assertThat(kernel.daemons()).extracting(SyncDaemon::state).containsExactly(DaemonState.BACKUP);
    }

    @Test
    void removeStopsOnlyTheBackupAndReportsWhenNoneRuns() throws Exception {
        kernel.startDaemon(SyncDaemon.of(DaemonState.MASTER, "eth1", 7));
        keeper.ensure();

        keeper.remove();
        keeper.remove();

        assertThat(kernel.daemons()).extracting(SyncDaemon::state).containsExactly(DaemonState.MASTER);
        assertThat(log).endsWith("stopped IPVS sync backup", "cannot stop IPVS sync backup: No daemon is running");
    }

    @Test
    void otherKernelErrorsReachTheCaller() {
        SyncDaemonControl refusing = new KernelLike() {
            @Override
            public void startDaemon(SyncDaemon daemon) throws IpvsException {
                throw new IpvsException(IpvsException.Errno.ENODEV, "No such device");
            }
        };
        assertThatThrownBy(() -> new BackupKeeper(refusing, SITE, log::add).ensure())
                .isInstanceOf(IpvsException.class).hasMessage("No such device");
    }
}
