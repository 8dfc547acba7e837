package lvsdirector.daemon;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import lvsdirector.check.Health;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.DirectorConfig;
import lvsdirector.director.DirectorSnapshot;
import lvsdirector.ipvs.sync.RealRef;
import lvsdirector.state.HealthRecord;
import lvsdirector.state.HealthStore;
import lvsdirector.state.StateUnavailableException;

/**
 * {@code health.json}, the last known health of the real servers: the active director records it with
 * each persistence snapshot (every {@code snapshot_interval}, so at most that often) and only when it
 * changed; a director taking over reads it as a restore input.
 *
 * <p>Which health wins at a restore: the local one once this director has finished a check round (its
 * status is running; a hot standby has been checking all along), since it is fresher than anything the
 * old node wrote, and the table it programmed already leaves out the reals that are down. Before that,
 * a real that health.json says is down gets no templates unless a local check has already said it is
 * up. health.json can only veto a restore, never add one: a stale file costs persistence, not
 * correctness.
 */
final class ConnectionSyncHealth {
    private final Supplier<DirectorSnapshot> director;
    private final HealthStore store;
    private final Consumer<String> log;
    private HealthRecord lastWritten;
    private String lastProblem;

    ConnectionSyncHealth(Supplier<DirectorSnapshot> director, HealthStore store, Consumer<String> log) {
        this.director = director;
        this.store = store;
        this.log = log;
    }

    /** The director's health once it has finished a check round, else empty. */
    Optional<HealthRecord> local() {
        DirectorSnapshot snapshot = director.get();
        return snapshot.status() == DaemonStatus.RUNNING ? Optional.of(of(snapshot)) : Optional.empty();
    }

    /** Every real with a known health; times to the millisecond, as the file keeps them. */
    static HealthRecord of(DirectorSnapshot snapshot) {
        return select(snapshot, r -> r.health() != null);
    }

    /** The reals of the snapshot that {@code wanted} accepts, as health.json records them. */
    private static HealthRecord select(DirectorSnapshot snapshot, Predicate<DirectorSnapshot.RealView> wanted) {
        List<HealthRecord.RealHealth> reals = new ArrayList<>();
        for (DirectorSnapshot.VirtualView v : snapshot.virtuals()) {
            for (DirectorSnapshot.RealView r : v.reals()) {
                if (wanted.test(r)) {
                    Instant since = r.since() == null ? null : r.since().truncatedTo(ChronoUnit.MILLIS);
                    reals.add(new HealthRecord.RealHealth(v.id(), r.server(), r.health() == Health.UP, since));
                }
            }
        }
        return new HealthRecord(reals);
    }

    /** Writes health.json when the local health differs from what this node last wrote or found there. */
    synchronized void recordIfChanged() {
        Optional<HealthRecord> now = local();
        if (now.isEmpty() || now.get().reals().isEmpty()) {
            return;
        }
        if (lastWritten == null) {
            lastWritten = store.load().record().orElse(null);
        }
        if (now.get().equals(lastWritten)) {
            return;
        }
        try {
            store.save(now.get());
            lastWritten = now.get();
            lastProblem = null;
        } catch (StateUnavailableException | IOException e) {
            if (!e.getMessage().equals(lastProblem)) {
                log.accept("Cannot record the health of the real servers: " + e.getMessage());
            }
            lastProblem = e.getMessage();
        }
    }

    /** This node stops writing: the next writer may be the other node, so the file is read again next time. */
    synchronized void forget() {
        lastWritten = null;
    }

    /**
     * The configured reals the restore must leave alone because health.json says they are down and this
     * director has not finished a check round yet (and no local check said they are up).
     */
    Set<RealRef> lastKnownDown(DirectorConfig config) {
        DirectorSnapshot snapshot = director.get();
        if (snapshot.status() == DaemonStatus.RUNNING) {
            return Set.of();
        }
        HealthStore.Loaded loaded = store.load();
        if (loaded.problem() != null) {
            log.accept("Last known health not used: " + loaded.problem());
        }
        if (loaded.record().isEmpty()) {
            return Set.of();
        }
        HealthRecord record = loaded.record().get();
        HealthRecord checkedHere = checkedUp(snapshot);
        Set<RealRef> down = ConnectionSyncInputs.select(config, n -> record.find(n.virtual().id(), n.server())
                .filter(h -> !h.up()).isPresent() && checkedHere.find(n.virtual().id(), n.server()).isEmpty());
        if (!down.isEmpty()) {
            log.accept("Last known health (" + HealthRecord.FILE + " of " + loaded.document().node() + ", seq "
                    + loaded.document().seq() + "): " + down.size() + " real server" + (down.size() == 1 ? "" : "s")
                    + " down and not yet checked here; their templates are not restored");
        }
        return down;
    }

    /** The reals a check of this director has already found up (a result, not just the start-up state). */
    private static HealthRecord checkedUp(DirectorSnapshot snapshot) {
        return select(snapshot, r -> r.health() == Health.UP && r.lastMessage() != null);
    }
}
