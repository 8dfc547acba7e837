package lvsdirector.cli.drbdsync;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Sends TERM to the background service (which removes the backup daemon) and waits for it to exit. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the background sync service.")
final class StopCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        OptionalLong pid = ServicePid.live(common.pidFile());
        if (pid.isEmpty()) {
            System.out.println("drbd-sync is not running");
            return 0;
        }
        ProcessHandle process = ProcessHandle.of(pid.getAsLong()).orElseThrow();
        process.destroy();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        if (process.isAlive()) {
            System.err.println("drbd-sync: pid " + pid.getAsLong() + " did not stop within 10 s");
            return 1;
        }
        System.out.println("drbd-sync stopped");
        return 0;
    }
}
