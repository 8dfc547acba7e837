package lvsdirector.daemon;

import sun.misc.Signal;

/** POSIX signal hooks (HUP reloads, TERM/INT/QUIT stop), through the JDK's jdk.unsupported API. */
public final class Signals {
    private Signals() {}

    /** Calls {@code action} with the signal name ("HUP", "TERM") on the JVM's signal thread. */
    public static void on(String name, java.util.function.Consumer<String> action) {
        try {
            Signal.handle(new Signal(name), signal -> action.accept(signal.getName()));
        } catch (IllegalArgumentException e) {
            // the JVM reserves some signals (e.g. QUIT with -Xrs off); those keep their default action
        }
    }
}
