package lvsdirector.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.SiteConfig;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonState;
import lvsdirector.ipvs.kernel.SyncDaemon;
import lvsdirector.ipvs.kernel.SyncDaemonControl;
import lvsdirector.ipvs.sync.ConnectionRow;
import lvsdirector.ipvs.sync.ConnectionTableException;
import lvsdirector.ipvs.sync.ConnectionTableReader;
import lvsdirector.ipvs.sync.PersistenceSnapshot;
import lvsdirector.ipvs.sync.RealRef;
import lvsdirector.ipvs.sync.RestoreInputs;
import lvsdirector.ipvs.sync.RestorePlan;
import lvsdirector.ipvs.sync.SnapshotFormatException;
import lvsdirector.ipvs.sync.SyncEntry;
import lvsdirector.ipvs.sync.SyncInjector;
import lvsdirector.state.Overrides;

/**
 * The active director's part of connection sync: the kernel's MASTER sync daemon while the director
 * runs, a restore of still-valid persistence templates from the last snapshot at start (not for reals
 * that are down, drained by an operator, or down in health.json and not yet checked here), and a
 * snapshot of the kernel's templates (with health.json when the health changed) every
 * {@code snapshot_interval} and at graceful stop. Failures are logged and
 * never stop the director: sync is an improvement, not a precondition of serving.
 */
public final class ConnectionSync implements AutoCloseable {

    /** Sends entries to the own kernel's backup daemon; the real one is a {@link SyncInjector}. */
    @FunctionalInterface
    public interface EntrySender {
        int send(List<SyncEntry> entries) throws IOException;
    }

    private final SiteConfig site;
    private final SyncDaemonControl control;
    private final PersistenceStore store;
    private final Path connectionTable;
    private final EntrySender sender;
    private final String node;
    private final LongSupplier clock;
    private final Consumer<String> log;
    private final Supplier<Overrides> overrides;
    private final Optional<ConnectionSyncHealth> health;
    private ScheduledExecutorService snapshots;
    private boolean closed;

    /** Without overrides and without health.json: every real is taken as not drained, only the table says down. */
    public ConnectionSync(SiteConfig site, SyncDaemonControl control, PersistenceStore store, Path connectionTable,
                          EntrySender sender, String node, LongSupplier clock, Consumer<String> log) {
        this(site, control, store, connectionTable, sender, node, clock, log, () -> Overrides.NONE, Optional.empty());
    }

    /**
     * @param overrides the operator's overrides as stored now (drained reals get no templates)
     * @param health    records health.json and reads it at restore; empty: neither
     */
    ConnectionSync(SiteConfig site, SyncDaemonControl control, PersistenceStore store, Path connectionTable,
                   EntrySender sender, String node, LongSupplier clock, Consumer<String> log,
                   Supplier<Overrides> overrides, Optional<ConnectionSyncHealth> health) {
        this.overrides = overrides;
        this.health = health;
        this.site = site;
        this.control = control;
        this.store = store;
        this.connectionTable = connectionTable;
        this.sender = sender;
        this.node = node;
        this.clock = clock;
        this.log = log;
    }

    /** Starts the MASTER daemon on the sync interface; one already running (a restart) is fine. */
    public void startMaster() {
        SyncDaemon master = new SyncDaemon(DaemonState.MASTER, site.syncInterface().orElseThrow(), site.syncId(),
                site.syncMaxLength().orElse(0), site.syncGroup(), site.syncPort(), site.syncTtl());
        try {
            control.startDaemon(master);
            log.accept("Started IPVS sync master on " + master.interfaceName() + " (syncid " + site.syncId() + ")");
        } catch (IpvsException e) {
            if (e.errno() == IpvsException.Errno.EEXIST) {
                log.accept("IPVS sync master already running");
            } else {
                log.accept("Cannot start IPVS sync master on " + master.interfaceName() + ": " + e.getMessage());
            }
        }
    }

    /** Loads the snapshot and injects what is still valid; returns the plan (empty when nothing to restore). */
    public Optional<RestorePlan> restore(DirectorConfig config, IpvsBackend backend) {
        try {
            List<ConnectionRow> rows = readTable();
            RestoreInputs inputs = withLastKnownHealth(RestoreInputsFactory.build(clock.getAsLong(), config, backend,
                    rows, ConnectionSyncInputs.drained(config, overrides.get())), config);
            rebind(rows, inputs);
            Optional<PersistenceSnapshot> snapshot = store.load();
            if (snapshot.isEmpty()) {
                log.accept("No persistence snapshot to restore");
                return Optional.empty();
            }
            RestorePlan plan = RestorePlan.of(snapshot.get(), inputs);
            long started = System.nanoTime();
            int datagrams = sender.send(plan.entries());
            log.accept(plan.summary() + " from " + snapshot.get().node() + " in " + datagrams + " datagram"
                    + (datagrams == 1 ? "" : "s") + ", " + (System.nanoTime() - started) / 1_000_000 + " ms");
            return Optional.of(plan);
        } catch (IOException | SnapshotFormatException | IpvsException | ConnectionTableException e) {
            log.accept("Cannot restore persistence templates: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Adds the reals health.json vetoes (see {@link ConnectionSyncHealth}) to the ones the table says are down. */
    private RestoreInputs withLastKnownHealth(RestoreInputs inputs, DirectorConfig config) {
        Set<RealRef> vetoed = health.map(h -> h.lastKnownDown(config)).orElse(Set.of());
        if (vetoed.isEmpty()) {
            return inputs;
        }
        Set<RealRef> down = new HashSet<>(inputs.downReals());
        down.addAll(vetoed);
        return new RestoreInputs(inputs.nowMs(), inputs.configuredReals(), down, inputs.drainedReals(),
                inputs.presentInKernel());
    }

    /** Live-synced templates learnt without a table are sent again now that it exists, so the kernel binds them. */
    private void rebind(List<ConnectionRow> rows, RestoreInputs inputs) throws IOException, ConnectionTableException {
        RestorePlan plan = RestorePlan.rebinding(rows, inputs);
        if (plan.injections().isEmpty()) {
            return;
        }
        int datagrams = sender.send(plan.entries());
        log.accept(plan.summary().replaceFirst("^Restored (\\d+) persistence templates?",
                "Re-sent $1 live-synced persistence template" + (plan.injections().size() == 1 ? "" : "s")
                        + " to bind them to their real servers") + " in " + datagrams + " datagram" + (datagrams == 1 ? "" : "s"));
    }

    /** Reads the kernel's templates and saves them; returns how many. */
    public int snapshot() throws IOException, ConnectionTableException {
        long now = clock.getAsLong();
        PersistenceSnapshot snapshot = new PersistenceSnapshot(node, now,
                ConnectionTableReader.templates(readTable(), now));
        store.save(snapshot);
        return snapshot.templates().size();
    }

    public synchronized void startSnapshots() {
        if (closed || snapshots != null) {
            return;
        }
        long every = site.snapshotInterval().toMillis();
        snapshots = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "persistence-snapshot");
            t.setDaemon(true);
            return t;
        });
        snapshots.scheduleWithFixedDelay(this::snapshotQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * This node stops being the active director (a hot standby returning to standby): last snapshot, then
     * the MASTER daemon goes (the other node's master takes over). {@link #startMaster} and
     * {@link #startSnapshots} may follow on the next activation.
     */
    public synchronized void release() {
        if (closed) {
            return;
        }
        if (snapshots != null) {
            snapshots.shutdownNow();
            snapshots = null;
        }
        snapshotQuietly();
        health.ifPresent(ConnectionSyncHealth::forget);
        try {
            control.stopDaemon(DaemonState.MASTER);
            log.accept("Stopped IPVS sync master");
        } catch (IpvsException e) {
            log.accept("Cannot stop IPVS sync master: " + e.getMessage());
        }
    }

    /** Graceful stop: as {@link #release()}, for good. */
    @Override
    public synchronized void close() {
        release();
        closed = true;
    }

    /** The persistence snapshot and, when it changed, the health record: one tick of the snapshot timer. */
    private void snapshotQuietly() {
        try {
            snapshot();
        } catch (IOException | ConnectionTableException | RuntimeException e) {
            log.accept("Cannot snapshot persistence templates: " + e.getMessage());
        }
        try {
            health.ifPresent(ConnectionSyncHealth::recordIfChanged);
        } catch (RuntimeException e) {
            log.accept("Cannot record the health of the real servers: " + e);
        }
    }

    private List<ConnectionRow> readTable() throws IOException, ConnectionTableException {
        try {
            return ConnectionTableReader.parse(Files.readString(connectionTable));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(connectionTable + " does not exist (is ip_vs loaded?)", e);
        }
    }
}
