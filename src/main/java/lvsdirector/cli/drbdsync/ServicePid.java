package lvsdirector.cli.drbdsync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** The pid file of the background service: written by {@code run --pid-file}, removed when it stops. */
final class ServicePid {
    private ServicePid() {}

    /** The pid in the file when that process still lives and is a drbd-sync service. */
    static OptionalLong live(Path file) {
        try {
            long pid = Long.parseLong(Files.readString(file).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(DrbdSyncMain.class.getName())).orElse(true))
                    .map(p -> OptionalLong.of(pid)).orElse(OptionalLong.empty());
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static int awaitStart(Path file, Process child, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            OptionalLong pid = live(file);
            if (pid.isPresent() && pid.getAsLong() == child.pid()) {
                System.out.println("drbd-sync started (pid " + child.pid() + ")");
                return 0;
            }
            if (!child.isAlive()) {
                System.err.println("drbd-sync: the service exited with status " + child.exitValue()
                        + " (run 'drbd-sync run' in the foreground to see why)");
                return 1;
            }
            Thread.sleep(50);
        }
        System.err.println("drbd-sync: no pid file " + file + " after " + timeout.toSeconds() + " s");
        return 1;
    }
}
