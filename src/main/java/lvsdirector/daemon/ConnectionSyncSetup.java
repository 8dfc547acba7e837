package lvsdirector.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import lvsdirector.config.SiteConfig;
import lvsdirector.config.SiteConfigException;
import lvsdirector.config.SiteConfigParser;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonState;
import lvsdirector.ipvs.kernel.SyncDaemon;
import lvsdirector.ipvs.kernel.SyncDaemonControl;
import lvsdirector.ipvs.sync.ConnectionTableReader;
import lvsdirector.ipvs.sync.SyncInjector;
import lvsdirector.support.Hostnames;

/**
 * Decides whether this director does connection sync: only with a kernel backend and a
 * {@code sync_interface} in lvs-director.conf (path: system property {@code lvsdirector.siteConfig},
 * else environment {@code LVS_DIRECTOR_CONF}, else {@code /etc/ha.d/lvs-director.conf}).
 */
public final class ConnectionSyncSetup {
    private ConnectionSyncSetup() {}

    public static Path siteConfigPath() {
        String property = System.getProperty("lvsdirector.siteConfig");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("LVS_DIRECTOR_CONF");
        return env != null && !env.isBlank() ? Path.of(env) : SiteConfig.DEFAULT_PATH;
    }

    /** Loads lvs-director.conf; absent = defaults; an error is logged and means "no sync". */
    public static Optional<SiteConfig> loadSiteConfig(Path file, Consumer<String> log) {
        if (!Files.exists(file)) {
            return Optional.of(SiteConfig.DEFAULTS);
        }
        try {
            return Optional.of(new SiteConfigParser().parse(file));
        } catch (SiteConfigException | IOException e) {
            log.accept("Ignoring " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    public static Optional<ConnectionSync> forDirector(IpvsBackend backend, Consumer<String> log) {
        if (!(backend instanceof SyncDaemonControl control)) {
            return Optional.empty();
        }
        Optional<SiteConfig> site = loadSiteConfig(siteConfigPath(), log);
        if (site.isEmpty() || !site.get().syncEnabled()) {
            return Optional.empty();
        }
        SiteConfig s = site.get();
        Path store = persistenceFile(s);
        ConnectionSync.EntrySender sender = entries -> new SyncInjector(s.syncInterface().orElseThrow(),
                ownBackupSyncId(control, s), s.syncGroup(), s.syncPort(), s.syncMaxLength().orElse(0)).inject(entries);
        return Optional.of(new ConnectionSync(s, control, new FilePersistenceStore(store),
                ConnectionTableReader.CONN_SYNC, sender, Hostnames.local(), System::currentTimeMillis, log));
    }

    /** The DRBD state directory when it is mounted here, else the node-local one. */
    static Path persistenceFile(SiteConfig s) {
        Path dir = Files.isDirectory(s.stateDirectory()) ? s.stateDirectory() : s.localStateDirectory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            // the store reports the failure on its first write
        }
        return dir.resolve("persistence.json");
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
