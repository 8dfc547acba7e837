package lvsdirector.daemon;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Starts the daemon as a detached process, as ldirectord's double fork does: a new session (setsid),
 * stdio on /dev/null, the same JVM and class path, a command line that contains "ldirectord" so pid-file
 * liveness checks and pidof-style tools find it. Then waits until the daemon has written its pid file.
 */
public final class DaemonLauncher {
    private DaemonLauncher() {}

    /** How the wait for the child ended. */
    public sealed interface Outcome permits Started, Exited, TimedOut {}

    public record Started(long pid) implements Outcome {}

    public record Exited(int status) implements Outcome {}

    public record TimedOut(long pid) implements Outcome {}

    /** The command that runs {@code mainClass} with {@code arguments} in a JVM like this one. */
    public static List<String> javaCommand(String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String jvmArgument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!jvmArgument.startsWith("-agentlib:jdwp")) {
                command.add(jvmArgument);
            }
        }
        if (command.stream().noneMatch(a -> a.startsWith("-Dlvsdirector.program="))) {
            command.add("-Dlvsdirector.program=ldirectord");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    public static Outcome spawn(List<String> javaCommand, PidFile pidFile, Duration timeout)
            throws IOException, InterruptedException {
        return awaitPidFile(start(javaCommand), pidFile, timeout);
    }

    /** Starts the detached child and returns at once. */
    public static Process start(List<String> javaCommand) throws IOException {
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(javaCommand);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.directory(new File("/"));
        return builder.start();
    }

    /**
     * Waits until the child has written its pid into the pid file, has exited, or the time is up; may be called
     * again for a child that timed out before (a slow start is still a start).
     */
    public static Outcome awaitPidFile(Process child, PidFile pidFile, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            OptionalLong pid = pidFile.read();
            if (pid.isPresent() && pid.getAsLong() == child.pid()) {
                return new Started(child.pid());
            }
            if (!child.isAlive()) {
                return new Exited(child.exitValue());
            }
            Thread.sleep(50);
        }
        return new TimedOut(child.pid());
    }
}
