package lvsdirector.daemon;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lvsdirector.config.SiteConfig;
import lvsdirector.director.DirectorSnapshot;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonState;
import lvsdirector.ipvs.kernel.SyncDaemon;
import lvsdirector.ipvs.kernel.SyncDaemonControl;
import lvsdirector.ipvs.sync.ConnectionTableReader;
import lvsdirector.ipvs.sync.SyncInjector;
import lvsdirector.state.HealthStore;
import lvsdirector.state.OverrideStore;
import lvsdirector.state.StateDirectory;
import lvsdirector.support.Hostnames;

/**
 * Decides whether this director does connection sync: only with a kernel backend and a
 * {@code sync_interface} in lvs-director.conf (found as {@link SiteSettings#path} says). The snapshot goes to
 * the state directory through {@link StatePersistenceStore}.
 */
public final class ConnectionSyncSetup {
    private ConnectionSyncSetup() {}

    public static Path siteConfigPath() {
        return SiteSettings.path(System.getenv());
    }

    /** Loads lvs-director.conf ({@link SiteSettings#readSiteConfig}); absent = defaults; errors are logged and mean "no sync". */
    public static Optional<SiteConfig> loadSiteConfig(Path file, Consumer<String> log) {
        return SiteSettings.readSiteConfig(file, 0).site(error -> log.accept("Ignoring " + file + ": " + error));
    }

    /**
     * Without a view of the director: health.json is then never written, and at a restore it vetoes every
     * real it says is down (nothing tells that the local checks have finished a round).
     */
    public static Optional<ConnectionSync> forDirector(IpvsBackend backend, SiteConfig s, StateDirectory state,
            Consumer<String> log) {
        return forDirector(backend, s, state, log, () -> DirectorSnapshot.EMPTY);
    }

    /** @param director the director's current view, for health.json and for which health wins at a restore */
    public static Optional<ConnectionSync> forDirector(IpvsBackend backend, SiteConfig s, StateDirectory state,
            Consumer<String> log, Supplier<DirectorSnapshot> director) {
        if (!(backend instanceof SyncDaemonControl control) || !s.syncEnabled()) {
            return Optional.empty();
        }
        ConnectionSync.EntrySender sender = entries -> new SyncInjector(s.syncInterface().orElseThrow(),
                ownBackupSyncId(control, s), s.syncGroup(), s.syncPort(), s.syncMaxLength().orElse(0)).inject(entries);
        OverrideStore overrides = new OverrideStore(state);
        return Optional.of(new ConnectionSync(s, control, new StatePersistenceStore(state),
                ConnectionTableReader.CONN_SYNC, sender, Hostnames.local(), System::currentTimeMillis, log,
                () -> overrides.load().overrides(),
                Optional.of(new ConnectionSyncHealth(director, new HealthStore(state), log))));
    }

    /** The injected messages must carry the sync id the own backup daemon accepts. */
    private static int ownBackupSyncId(SyncDaemonControl control, SiteConfig s) {
        try {
            return control.daemons().stream().filter(d -> d.state() == DaemonState.BACKUP)
                    .mapToInt(SyncDaemon::syncId).findFirst().orElse(s.syncId());
        } catch (IpvsException e) {
            return s.syncId();
        }
    }
}
