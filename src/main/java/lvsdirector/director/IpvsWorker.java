package lvsdirector.director;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/**
 * Owns the backend and runs every table round on one worker thread, so blocking calls never reach the
 * event loop and operations never interleave. It also remembers what it last programmed (confined to
 * that thread), which is how a hand-made weight change is told apart from our own.
 */
final class IpvsWorker {

    /** Plans the operations of a round from the table just read and what was last programmed. */
    @FunctionalInterface
    interface RoundPlanner extends BiFunction<ActualTable, Map<ServiceKey, Map<DestinationKey, Destination>>,
            List<PlannedOperation>> {}

    /** An applied operation and, when it failed, why. */
    record Step(PlannedOperation planned, IpvsException error) {
        boolean succeeded() {
            return error == null;
        }
    }

    /** The table read at the start of a round and what was done to it. */
    record RoundResult(ActualTable before, List<Step> steps) {}

    private final IpvsBackend backend;
    private final WorkerExecutor executor;
    private final Map<ServiceKey, Map<DestinationKey, Destination>> programmed = new HashMap<>();
    private final Set<IpvsOperation> failed = new HashSet<>();

    IpvsWorker(IpvsBackend backend, WorkerExecutor executor) {
        this.backend = backend;
        this.executor = executor;
    }

    String backendName() {
        return backend.name();
    }

    /**
     * Reads the table, plans and applies; call from the director's context (the future completes there).
     *
     * @param intended what the configured services should hold after this round; remembered as
     *                 "programmed" except for destinations whose operation failed (those are retried)
     * @param retryFailed  false: an operation that already failed in an earlier round is skipped (not
     *                     retried and not logged again every round); true: everything is tried afresh
     */
    Future<RoundResult> round(RoundPlanner planner, Map<ServiceKey, Map<DestinationKey, Destination>> intended,
                              boolean retryFailed) {
        return round(planner, intended, retryFailed, null);
    }

    /**
     * A round over the services of {@code scope} only (null: the whole table): only they are read, planned
     * and remembered as programmed, so a round for the few virtuals whose reals changed costs as much as
     * those virtuals, not the whole table.
     */
    Future<RoundResult> round(RoundPlanner planner, Map<ServiceKey, Map<DestinationKey, Destination>> intended,
                              boolean retryFailed, Set<ServiceKey> scope) {
        return executor.executeBlocking(() -> runRound(planner, intended, retryFailed, scope), true);
    }

    /**
     * A round's dry run: reads the table, plans against it and against what was last programmed, and has the
     * backend prepare the operations without applying them. Changes neither the table nor what this worker
     * remembers; returns the plan.
     */
    Future<List<PlannedOperation>> rehearse(RoundPlanner planner) {
        return executor.executeBlocking(() -> {
            List<PlannedOperation> plan = planner.apply(ActualTable.read(backend), copyOfProgrammed(null));
            backend.rehearse(operations(plan));
            return plan;
        }, true);
    }

    /**
     * The periodic round's first step: reads the whole table and names the services of {@code wanted} that do
     * not hold exactly what was last programmed (missing, other settings, or a destination added, removed or
     * changed behind our back, an operator's weight included). Only those need planning.
     */
    Future<Set<ServiceKey>> unsettled(Map<ServiceKey, VirtualService> wanted) {
        return executor.executeBlocking(() -> {
            Set<ServiceKey> unsettled = new LinkedHashSet<>(wanted.keySet());
            for (ServiceEntry entry : backend.services()) {
                ServiceKey key = entry.service().key();
                VirtualService want = wanted.get(key);
                if (want != null && Reconciler.sameService(entry.service(), want)
                        && holdsProgrammed(key, backend.destinations(key))) {
                    unsettled.remove(key);
                }
            }
            return unsettled;
        }, true);
    }

    private boolean holdsProgrammed(ServiceKey key, List<DestinationEntry> actual) {
        Map<DestinationKey, Destination> ours = programmed.get(key);
        if (ours == null || ours.size() != actual.size()) {
            return false;
        }
        for (DestinationEntry entry : actual) {
            if (!entry.destination().equals(ours.get(entry.destination().key()))) {
                return false;
            }
        }
        return true;
    }

    Future<ActualTable> read() {
        return executor.executeBlocking(() -> ActualTable.read(backend), true);
    }

    private RoundResult runRound(RoundPlanner planner, Map<ServiceKey, Map<DestinationKey, Destination>> intended,
                                 boolean retryFailed, Set<ServiceKey> scope) throws IpvsException {
        ActualTable before = ActualTable.read(backend, scope);
        if (retryFailed) {
            failed.clear();
        }
        List<PlannedOperation> plan = new ArrayList<>();
        for (PlannedOperation p : planner.apply(before, copyOfProgrammed(scope))) {
            if (!failed.contains(p.operation())) {
                plan.add(p);
            }
        }
        List<IpvsBackend.OperationResult> results = backend.apply(operations(plan));
        if (scope == null) {
            programmed.clear();
        } else {
            programmed.keySet().removeAll(scope);
        }
        intended.forEach((k, v) -> programmed.put(k, new LinkedHashMap<>(v)));
        List<Step> steps = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            IpvsException error = i < results.size() ? results.get(i).error() : null;
            if (error != null) {
                forget(plan.get(i).operation());
                failed.add(plan.get(i).operation());
            } else {
                failed.remove(plan.get(i).operation());
            }
            steps.add(new Step(plan.get(i), error));
        }
        return new RoundResult(before, steps);
    }

    private static List<IpvsOperation> operations(List<PlannedOperation> plan) {
        List<IpvsOperation> ops = new ArrayList<>(plan.size());
        for (PlannedOperation p : plan) {
            ops.add(p.operation());
        }
        return ops;
    }

    /** A destination whose operation failed is not "ours": the next round compares it afresh. */
    private void forget(IpvsOperation op) {
        ServiceKey service = null;
        DestinationKey destination = null;
        if (op instanceof IpvsOperation.AddDestination a) {
            service = a.service();
            destination = a.destination().key();
        } else if (op instanceof IpvsOperation.EditDestination e) {
            service = e.service();
            destination = e.destination().key();
        } else if (op instanceof IpvsOperation.DeleteDestination d) {
            service = d.service();
            destination = d.destination();
        }
        Map<DestinationKey, Destination> dests = service == null ? null : programmed.get(service);
        if (dests != null) {
            dests.remove(destination);
        }
    }

    private Map<ServiceKey, Map<DestinationKey, Destination>> copyOfProgrammed(Set<ServiceKey> scope) {
        Map<ServiceKey, Map<DestinationKey, Destination>> copy = new HashMap<>();
        programmed.forEach((k, v) -> {
            if (scope == null || scope.contains(k)) {
                copy.put(k, Map.copyOf(v));
            }
        });
        return copy;
    }
}
