package lvsdirector.cli.drbdsync;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lvsdirector.daemon.DaemonLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts {@code run} detached (new session, stdio on /dev/null) and waits until it wrote its pid file. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start the sync service in the background.")
final class StartCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (ServicePid.live(common.pidFile()).isPresent()) {
            System.out.println("drbd-sync is already running (pid " + ServicePid.live(common.pidFile()).getAsLong() + ")");
            return 0;
        }
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(DaemonLauncher.javaCommand(DrbdSyncMain.class.getName(), List.of("run", "--pid-file",
                "--run-dir", common.runDir.toString(), "--config", common.configFile().toString())));
        command.replaceAll(a -> a.startsWith("-Dlvsdirector.program=") ? "-Dlvsdirector.program=drbd-sync" : a);
        Process child = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(new File("/"))
                .start();
        return ServicePid.awaitStart(common.pidFile(), child, Duration.ofSeconds(60));
    }
}
