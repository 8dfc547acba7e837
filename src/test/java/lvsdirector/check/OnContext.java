package lvsdirector.check;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Test helper: runs Vert.x-context-bound code from a test thread and waits for its result. */
public final class OnContext {
    private OnContext() {}

    public static <T> T await(Vertx vertx, Supplier<Future<T>> action) {
        return await(vertx.getOrCreateContext(), action);
    }

    public static <T> T await(Context context, Supplier<Future<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                action.get().onComplete(ar -> {
                    if (ar.succeeded()) {
                        result.complete(ar.result());
                    } else {
                        result.completeExceptionally(ar.cause());
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("context action failed", e);
        }
    }

    public static void run(Context context, Runnable action) {
        await(context, () -> {
            action.run();
            return Future.succeededFuture();
        });
    }

    public static <T> T call(Context context, Supplier<T> action) {
        return await(context, () -> Future.succeededFuture(action.get()));
    }
}
