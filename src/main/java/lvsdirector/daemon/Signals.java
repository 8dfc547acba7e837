package lvsdirector.daemon;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import lvsdirector.netlink.signal.InheritedSignals;
import sun.misc.Signal;

/** POSIX signal hooks (HUP reloads, TERM/INT/QUIT stop), through the JDK's jdk.unsupported API. */
public final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {}

    /**
     * Calls {@code action} with the signal name ("HUP", "TERM") on the JVM's signal thread. A signal the daemon
     * was started with ignored (e.g. HUP under nohup) is set back to its default first: the JVM would otherwise
     * keep ignoring it, silently.
     */
    public static void on(String name, java.util.function.Consumer<String> action) {
        Signal signal = new Signal(name);
        try {
            if (InheritedSignals.restoreDefaultIfIgnored(signal.getNumber())) {
                LOG.info("SIG{} was ignored when this process started (nohup?); it is handled again", name);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("Cannot tell whether SIG{} is ignored ({}); if it was ignored at start, it still is", name,
                    e.toString());
        }
        try {
            Signal.handle(signal, s -> action.accept(s.getName()));
        } catch (IllegalArgumentException e) {
            // the JVM reserves some signals (e.g. QUIT with -Xrs off); those keep their default action
        }
    }
}
