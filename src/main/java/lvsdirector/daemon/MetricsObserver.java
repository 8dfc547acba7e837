package lvsdirector.daemon;

import java.util.Locale;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckResult;
import lvsdirector.director.DirectorObserver;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.metrics.DirectorMetrics;

/** Translates the director's events into the metrics' plain names ("add_destination", "timeout"...). */
final class MetricsObserver implements DirectorObserver {
    private final DirectorMetrics metrics;

    MetricsObserver(DirectorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void realChecked(String virtualId, String real, CheckOutcome outcome) {
        CheckResult result = outcome.result();
        if (result == null) {
            return;
        }
        metrics.checkCompleted(virtualId, real, result.success(), result.latency(),
                result.reason() == null ? null : result.reason().name(), result.message());
    }

    @Override
    public void ipvsOperation(IpvsOperation operation, IpvsException error) {
        metrics.ipvsOperation(operationName(operation),
                error == null ? null : error.errno() == null ? "OTHER" : error.errno().name());
    }

    @Override
    public void roundFinished(RoundKind kind, boolean succeeded) {
        metrics.roundFinished(kind.name().toLowerCase(Locale.ROOT), succeeded);
    }

    /** "AddDestination" → "add_destination". */
    static String operationName(IpvsOperation operation) {
        return operation.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
