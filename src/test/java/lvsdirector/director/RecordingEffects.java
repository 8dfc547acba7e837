package lvsdirector.director;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Future;
import lvsdirector.check.CheckOutcome;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;

/** Records what the director asked its side effects to do, as readable lines. */
final class RecordingEffects implements SideEffects {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void tableChanged(DirectorEvent event, Globals globals, DaemonStatus status) {
        calls.add("event " + status.word() + " " + event.message());
    }

    @Override
    public void fallbackChanged(VirtualConfig virtual, Globals globals, boolean active) {
        calls.add("fallback " + virtual.id() + (active ? " start" : " stop"));
    }

    @Override
    public void checkResult(VirtualConfig virtual, RealConfig real, CheckOutcome outcome) {
        calls.add("result " + virtual.id() + " " + real.hostText() + " " + outcome.health());
    }

    @Override
    public void tick(Globals globals, DaemonStatus status) {}

    @Override
    public void reset() {
        calls.add("reset");
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    List<String> matching(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).toList();
    }
}
