package lvsdirector.netlink.signal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Signals this process inherited as ignored. A JVM started with HUP, INT or TERM ignored (nohup ignores HUP;
 * some supervisors and shells ignore INT or TERM for what they start) never installs a Java handler for it:
 * {@code sun.misc.Signal.handle} returns as if it had, and the signal goes on being ignored. A daemon whose
 * reload is SIGHUP sets the default action back first, as ldirectord does by assigning its own handlers.
 */
public final class InheritedSignals {
    private static final Path STATUS = Path.of("/proc/self/status");

    private InheritedSignals() {}

    /** True when {@code signal} is ignored now, as {@code /proc/self/status} tells. */
    public static boolean ignored(int signal) throws IOException {
        return ignoredIn(Files.readString(STATUS), signal);
    }

    /** Reads the "SigIgn:" mask (hexadecimal, bit N-1 for signal N) of a /proc status text. */
    static boolean ignoredIn(String status, int signal) {
        if (signal < 1) {
            throw new IllegalArgumentException("no signal " + signal);
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("SigIgn:")) {
                return new BigInteger(line.substring("SigIgn:".length()).trim(), 16).testBit(signal - 1);
            }
        }
        throw new IllegalArgumentException("no SigIgn line in the process status");
    }

    /**
     * Sets {@code signal} back to its default action when it is ignored.
     *
     * @return true when it was ignored (and is not any more)
     */
    public static boolean restoreDefaultIfIgnored(int signal) throws IOException {
        if (!ignored(signal)) {
            return false;
        }
        Native.signal(signal, null); // SIG_DFL is the null handler
        return !ignored(signal);
    }

    /** Direct-mapped libc; loaded only when a signal has to be set back. */
    private static final class Native {
        static {
            com.sun.jna.Native.register(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static native Pointer signal(int signal, Pointer handler);
    }
}
