package lvsdirector.director;

import java.util.Objects;

import lvsdirector.ipvs.IpvsOperation;

/** One operation the reconciler decided on, with the event it is logged (and mailed) as. */
public record PlannedOperation(IpvsOperation operation, DirectorEvent event) {
    public PlannedOperation {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(event, "event");
    }
}
