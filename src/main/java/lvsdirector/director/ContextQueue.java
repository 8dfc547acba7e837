package lvsdirector.director;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/**
 * The director's serialisation: everything runs on one Vert.x context, and table work runs as a queue of
 * asynchronous tasks, each starting when the one before has ended (whatever its outcome).
 */
final class ContextQueue {
    private final Context context;
    private Future<Void> tail = Future.succeededFuture();

    ContextQueue(Context context) {
        this.context = context;
    }

    /** Queues a task after every earlier one; a failure does not stop the queue. Call on the context. */
    Future<Void> enqueue(Supplier<Future<Void>> task) {
        Future<Void> next = tail.transform(ignored -> task.get());
        tail = next.otherwiseEmpty();
        return next;
    }

    /** Completes when every task queued so far has ended. Call on the context. */
    Future<Void> drained() {
        return tail;
    }

    /** Runs the action on the context; its outcome is the returned future's. */
    <T> Future<T> onContext(Supplier<Future<T>> action) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                action.get().onComplete(ar -> complete(promise, ar.succeeded(), ar.result(), ar.cause()));
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }

    /** The same outcome, delivered on the context whatever thread completed the original. */
    <T> Future<T> here(Future<T> f) {
        Promise<T> promise = Promise.promise();
        f.onComplete(ar -> context.runOnContext(v -> complete(promise, ar.succeeded(), ar.result(), ar.cause())));
        return promise.future();
    }

    private static <T> void complete(Promise<T> promise, boolean ok, T result, Throwable cause) {
        if (ok) {
            promise.complete(result);
        } else {
            promise.fail(cause);
        }
    }
}
