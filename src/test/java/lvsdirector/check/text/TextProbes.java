package lvsdirector.check.text;

import io.vertx.core.Vertx;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.OnContext;

/** Test helper: one Vert.x and one prober for a test class. */
final class TextProbes implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final TextProber prober;

    TextProbes() {
        this(TextProber.DEFAULT_CONTENT_LIMIT);
    }

    TextProbes(int contentLimit) {
        prober = new TextProber(vertx, contentLimit);
    }

    CheckResult probe(CheckSpec spec) {
        return OnContext.await(vertx, () -> prober.probe(spec));
    }

    @Override
    public void close() {
        prober.close();
        vertx.close().await();
    }
}
