package lvsdirector.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's heartbeat 3 on this host, seen through its pid file and {@code cl_status} (hbstatus,
 * listnodes, nodestatus, rscstatus), each call bounded by a timeout. Without cl_status the state is
 * "unknown": heartbeat 3 has no other read-only interface.
 */
public final class ClStatusHeartbeat implements HeartbeatSource {
    public static final Path PID_FILE = Path.of("/run/heartbeat.pid");
    public static final Path CL_STATUS = Path.of("/usr/bin/cl_status");

    private final Path pidFile;
    private final Path clStatus;
    private final Duration timeout;

    public ClStatusHeartbeat(Path pidFile, Path clStatus, Duration timeout) {
        this.pidFile = pidFile;
        this.clStatus = clStatus;
        this.timeout = timeout;
    }

    public static ClStatusHeartbeat system() {
        return new ClStatusHeartbeat(PID_FILE, CL_STATUS, Duration.ofSeconds(2));
    }

    @Override
    public Optional<HeartbeatView> read(String localNode) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(HeartbeatView.unreadable("heartbeat 3: cannot read " + pidFile + ": " + e.getMessage()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return Optional.empty();
        }
        if (!Files.isExecutable(clStatus)) {
            return Optional.of(HeartbeatView.unknown("heartbeat 3 without cl_status"));
        }
        try {
            run("hbstatus");
            Map<String, String> statuses = new LinkedHashMap<>();
            for (String node : run("listnodes")) {
                statuses.put(node.toLowerCase(java.util.Locale.ROOT), first(run("nodestatus", node)));
            }
            return Optional.of(HeartbeatView.of(localNode, statuses, first(run("rscstatus"))));
        } catch (CommandFailed e) {
            return Optional.of(HeartbeatView.unknown("heartbeat 3: " + e.getMessage()));
        }
    }

    /** The command's non-blank output lines; fails on a non-zero exit or when it takes too long. */
    private List<String> run(String... arguments) throws CommandFailed {
        List<String> command = new ArrayList<>(List.of(clStatus.toString()));
        command.addAll(List.of(arguments));
        String what = "cl_status " + String.join(" ", arguments);
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CommandFailed(what + " did not answer within " + timeout.toMillis() + " ms");
            }
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (process.exitValue() != 0) {
                throw new CommandFailed(what + " failed (exit " + process.exitValue() + ")"
                        + (lines.isEmpty() ? "" : ": " + lines.get(0)));
            }
            return lines;
        } catch (IOException e) {
            throw new CommandFailed(what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailed(what + " interrupted");
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static String first(List<String> lines) throws CommandFailed {
        if (lines.isEmpty()) {
            throw new CommandFailed("cl_status printed nothing");
        }
        return lines.get(0);
    }

    private static final class CommandFailed extends Exception {
        CommandFailed(String message) {
            super(message);
        }
    }
}
