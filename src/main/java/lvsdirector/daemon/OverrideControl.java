package lvsdirector.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lvsdirector.config.DirectorConfig;
import lvsdirector.director.OperatorOverrides;
import lvsdirector.metrics.StatusReport;
import lvsdirector.state.OverrideStore;
import lvsdirector.state.OwnerRecord;
import lvsdirector.state.Placement;
import lvsdirector.state.RealOverride;
import lvsdirector.state.StateDirectory;
import lvsdirector.state.StateFile;
import lvsdirector.state.StateSettings;
import org.slf4j.Logger;

/**
 * The daemon's side of operator overrides: loads them from the state directory at start and at every
 * {@link #refresh} (so a takeover that mounts the DRBD directory brings its overrides in within one
 * check interval), hands changes to the director, answers the control socket's override requests, and
 * writes owner.json when this node finds the DRBD directory writable. Thread-safe.
 */
final class OverrideControl {
    private final StateDirectory directory;
    private final OverrideStore store;
    private final Supplier<DirectorConfig> config;
    private final Consumer<OperatorOverrides> director;
    private final Logger log;
    private final Clock clock;
    private OverrideStore.Loaded current;
    private String lastProblem;
    private boolean owner;
    private volatile StatusReport.StateDirectory report;

    OverrideControl(StateSettings settings, Supplier<DirectorConfig> config, Consumer<OperatorOverrides> director,
                    Logger log) {
        this.clock = Clock.systemUTC();
        this.directory = new StateDirectory(settings, clock);
        this.store = new OverrideStore(directory);
        this.config = config;
        this.director = director;
        this.log = log;
    }

    /**
     * Re-reads the store; hands the overrides to the director when they changed. On a refused place the
     * last overrides stay in force (the director keeps running as it was).
     */
    synchronized void refresh() {
        OverrideStore.Loaded loaded = store.load();
        report(loaded.problem());
        claimOwnership(loaded.placement());
        report = StateDirectoryReport.of(loaded.placement(), directory.settings(), directory.lastWriteMillis());
        if (loaded.placement() instanceof Placement.Refused && current != null) {
            current = new OverrideStore.Loaded(loaded.placement(), current.overrides(), current.seq(), loaded.problem());
            return;
        }
        boolean changed = current == null || !current.overrides().equals(loaded.overrides());
        current = loaded;
        if (changed) {
            director.accept(OverrideMatching.forDirector(loaded.overrides()));
        }
    }

    /** A control-socket request: [verb, user, arguments...]. */
    int handle(List<String> request, PrintWriter out) {
        if (request.size() < 2) {
            out.println("override request needs a verb and a user");
            return 2;
        }
        int status = new OverrideCommand(config.get(), store, clock).run(request.get(0), request.get(1),
                request.subList(2, request.size()), out);
        if (status == 0 && !request.get(0).equals("overrides")) {
            refresh();
            out.println("(stored in " + describePlace() + "; applied in the next round)");
        }
        return status;
    }

    /** Where the overrides are kept now, for status output. */
    synchronized String describePlace() {
        return current == null ? "unknown" : current.placement().describe();
    }

    /** The DRBD role word for the status page: "Primary r0", "refusing: ...", or "n/a" without DRBD. */
    synchronized String drbdStatus() {
        if (current == null || current.placement() instanceof Placement.Local) {
            return "n/a";
        }
        if (current.placement() instanceof Placement.Shared s) {
            return s.minor().localRole() + " " + s.resource() + " (" + s.minor().connection() + ")";
        }
        return current.placement().describe();
    }

    /**
     * The state directory as the metrics and the page show it: placement, DRBD state and files as of the
     * last refresh (which does the reading), the last write as of now. Null before the first refresh.
     */
    StatusReport.StateDirectory metricsView() {
        StatusReport.StateDirectory r = report;
        return r == null ? null : new StatusReport.StateDirectory(r.placement(), r.drbdPrimary(),
                directory.lastWriteMillis(), r.detail(), r.drbd(), r.splitBrain(), r.files());
    }

    /** The directory the overrides (and every other state file of this director) are written through. */
    StateDirectory directory() {
        return directory;
    }

    synchronized List<RealOverride> unmatched() {
        return current == null ? List.of() : OverrideMatching.unmatched(config.get(), current.overrides());
    }

    private void report(String problem) {
        if (problem != null && !problem.equals(lastProblem)) {
            log.info("Overrides: " + problem);
        }
        lastProblem = problem;
    }

    /** owner.json is written once each time this node becomes the one that may write the DRBD directory. */
    private void claimOwnership(Placement placement) {
        boolean shared = placement instanceof Placement.Shared;
        if (shared && !owner) {
            try {
                StateFile file = directory.fileIn(placement, OwnerRecord.FILE, OwnerRecord.FORMAT);
                file.write(new OwnerRecord(directory.settings().node(), clock.instant(), ProcessHandle.current().pid(),
                        heartbeatGeneration()).toJson());
                log.info("State directory: " + placement.describe() + "; wrote " + file.path());
            } catch (IOException e) {
                log.info("State directory: cannot write owner.json: " + e.getMessage());
            }
        }
        owner = shared;
    }

    /** This node's heartbeat generation, null when it has none (no HA peer ran here) or it cannot be read. */
    private Long heartbeatGeneration() {
        Path dir = directory.settings().heartbeatDir();
        try {
            long generation = new lvsdirector.heartbeat.node.StateDirectory(dir).currentGeneration();
            return generation < 0 ? null : generation;
        } catch (IOException e) {
            log.info("State directory: owner.json without the heartbeat generation: " + e.getMessage());
            return null;
        }
    }
}
