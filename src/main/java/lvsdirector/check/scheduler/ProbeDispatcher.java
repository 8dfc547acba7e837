package lvsdirector.check.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.ExternalCheck;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.NoneCheck;
import lvsdirector.check.OnCheck;
import lvsdirector.check.PingCheck;
import lvsdirector.check.Prober;
import lvsdirector.check.connect.ConnectProber;
import lvsdirector.check.connect.PingProber;
import lvsdirector.check.external.ExternalProber;
import lvsdirector.check.external.ExternalRunAs;
import lvsdirector.check.http.HttpProber;
import lvsdirector.check.lib.LibraryProbers;
import lvsdirector.check.text.TextProber;

/**
 * Sends each spec to the prober for its kind. Combined and off checks never get here: the scheduler picks
 * the half of a combined check and does not probe off checks.
 */
public final class ProbeDispatcher implements Prober, AutoCloseable {

    private final ConnectProber connect;
    private final HttpProber http;
    private final ExternalProber external;
    private final PingProber ping;
    private final LibraryProbers library;
    private final TextProber text;

    public ProbeDispatcher(Vertx vertx) {
        this(vertx, ExternalRunAs.DIRECT);
    }

    /** The standard probers; external commands are started through {@code externalRunAs}. */
    public ProbeDispatcher(Vertx vertx, ExternalRunAs externalRunAs) {
        this.connect = new ConnectProber(vertx);
        this.http = new HttpProber(vertx);
        this.external = new ExternalProber(vertx, ExternalProber.DEFAULT_KILL_GRACE, externalRunAs);
        this.ping = new PingProber(vertx);
        this.library = new LibraryProbers(vertx);
        this.text = new TextProber(vertx);
    }

    @Override
    public Future<CheckResult> probe(CheckSpec spec) {
        if (spec instanceof ConnectCheck c) {
            return connect.probe(c);
        }
        if (spec instanceof HttpCheck h) {
            return http.probe(h);
        }
        if (spec instanceof ExternalCheck e) {
            return external.probe(e);
        }
        if (spec instanceof PingCheck p) {
            return ping.probe(p);
        }
        if (LibraryProbers.handles(spec)) {
            return library.probe(spec);
        }
        if (TextProber.handles(spec)) {
            return text.probe(spec);
        }
        if (spec instanceof OnCheck) {
            return Future.succeededFuture(CheckResult.ok("checktype on", Duration.ZERO));
        }
        if (spec instanceof NoneCheck) {
            return Future.succeededFuture(CheckResult.ok("service none", Duration.ZERO));
        }
        return Future.failedFuture(new IllegalArgumentException("no prober for " + spec.getClass().getSimpleName()));
    }

    @Override
    public void close() {
        connect.close();
        http.close();
        ping.close();
        library.close();
        text.close();
    }
}
