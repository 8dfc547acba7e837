package lvsdirector.netlink.sched;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;

/** Moves the calling thread (only it: Linux schedules threads) to {@code SCHED_FIFO} at a given priority. */
public final class RealtimeScheduling {
    static final int SCHED_OTHER = 0;
    static final int SCHED_FIFO = 1;
    /** Or-ed into the policy: threads and processes the thread creates start under SCHED_OTHER. */
    static final int SCHED_RESET_ON_FORK = 0x40000000;
    private static final int EPERM = 1;

    static {
        Native.register(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private RealtimeScheduling() {}

    private static native int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;

    private static native int sched_getscheduler(int pid) throws LastErrorException;

    /**
     * The calling thread runs under SCHED_FIFO with {@code priority} (1-99) from now on. Threads and processes
     * it creates do not inherit that (SCHED_RESET_ON_FORK): a JVM creates worker threads lazily from whichever
     * thread first needs them, and without the flag every worker pool and every script started from one ran
     * real-time too, able to starve a one-CPU machine.
     *
     * @throws IOException naming the reason (e.g. no CAP_SYS_NICE) when the kernel refuses
     */
    public static void fifoForCurrentThread(int priority) throws IOException {
        if (priority < 1 || priority > 99) {
            throw new IllegalArgumentException("SCHED_FIFO priority must be 1-99, got " + priority);
        }
        try {
            sched_setscheduler(0, SCHED_FIFO | SCHED_RESET_ON_FORK, new int[] {priority});
        } catch (LastErrorException e) {
            String why = e.getErrorCode() == EPERM ? "not permitted (needs root or CAP_SYS_NICE)" : "errno " + e.getErrorCode();
            throw new IOException("cannot set SCHED_FIFO priority " + priority + ": " + why, e);
        }
    }

    /** The calling thread back to the ordinary time-sharing policy. */
    public static void ordinaryForCurrentThread() throws IOException {
        try {
            sched_setscheduler(0, SCHED_OTHER, new int[] {0});
        } catch (LastErrorException e) {
            throw new IOException("cannot return to SCHED_OTHER: errno " + e.getErrorCode(), e);
        }
    }

    /** True when the calling thread runs under SCHED_FIFO. */
    public static boolean currentThreadIsFifo() throws IOException {
        try {
            return (sched_getscheduler(0) & ~SCHED_RESET_ON_FORK) == SCHED_FIFO;
        } catch (LastErrorException e) {
            throw new IOException("sched_getscheduler: errno " + e.getErrorCode(), e);
        }
    }
}
