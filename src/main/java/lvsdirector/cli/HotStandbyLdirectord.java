package lvsdirector.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lvsdirector.config.ConfigLocator;
import lvsdirector.daemon.DaemonLauncher;
import lvsdirector.daemon.PidFile;
import lvsdirector.heartbeat.resource.ResourceAgent;
import lvsdirector.heartbeat.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat peer's built-in {@code ldirectord::file.cf}: a director daemon kept running in hot standby
 * on this node (started when the peer starts), so taking the resource over costs one control request —
 * the daemon programs IPVS from the health it already knows — instead of a process start and a first
 * round of checks. Releasing it returns the daemon to standby. The daemon is the same one
 * {@code ldirectord file.cf standby} starts, and the command line sees and controls it as usual.
 */
final class HotStandbyLdirectord implements ResourceAgent {
    private static final Logger LOG = LoggerFactory.getLogger(HotStandbyLdirectord.class);
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration ACTIVATE_RETRY = Duration.ofMillis(100);

    private final String name;
    private final ConfigLocator.Location location;
    private final Path runDir;
    private final String launcher;
    private final Starter starter;
    private final Duration startWait;
    /** A daemon started by this agent that had not yet written its pid file when the wait ended. */
    private Process starting;

    /** Starts the daemon process from its command line (a seam for tests). */
    @FunctionalInterface
    interface Starter {
        Process start(List<String> command) throws IOException;
    }

    HotStandbyLdirectord(String name, ConfigLocator.Location location, Path runDir, String launcher) {
        this(name, location, runDir, launcher, DaemonLauncher::start, START_WAIT);
    }

    HotStandbyLdirectord(String name, ConfigLocator.Location location, Path runDir, String launcher, Starter starter,
            Duration startWait) {
        this.name = name;
        this.location = location;
        this.runDir = runDir;
        this.launcher = launcher;
        this.starter = starter;
        this.startWait = startWait;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Starts the standby daemon unless one already runs for this config; safe to call repeatedly. A daemon
     * started earlier that had not written its pid file in time is waited for again, never started twice.
     *
     * @return true when the daemon was (re)started or waited for now, false when it was already running
     */
    synchronized boolean ensureStandby() throws ResourceException {
        if (pidFile().livePid().isPresent()) {
            return false;
        }
        try {
            boolean again = starting != null && starting.isAlive();
            if (!again) {
                starting = starter.start(childCommand(List.of("--daemon-child", "--backend=auto",
                        location.config().toAbsolutePath().toString(), "standby")));
            }
            DaemonLauncher.Outcome outcome = DaemonLauncher.awaitPidFile(starting, pidFile(), startWait);
            if (outcome instanceof DaemonLauncher.Started started) {
                starting = null;
                LOG.info("info: {}: standby director started with pid {}", name, started.pid());
                return true;
            }
            if (outcome instanceof DaemonLauncher.TimedOut timedOut) {
                throw new ResourceException(name + ": the standby director (pid " + timedOut.pid() + ") has not written "
                        + pidFile().path() + " after " + startWait.toSeconds() + "s" + (again ? " more" : "")
                        + "; still waiting for it, not starting another (a slow machine? its log says how far it got)");
            }
            starting = null;
            throw new ResourceException(name + ": the standby director did not start (" + outcome + "); its log says why");
        } catch (IOException e) {
            throw new ResourceException(name + ": cannot start the standby director: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException(name + ": interrupted while starting the standby director", e);
        }
    }

    /** The daemon's role once its control socket answers (it has just been started); fails when it never does. */
    String awaitRole() throws ResourceException {
        String role = control().awaitRole(startWait);
        if (role.isEmpty()) {
            throw new ResourceException(name + ": the director runs but its control socket does not answer");
        }
        return role;
    }

    /**
     * One control round trip when the standby director runs already: {@code activate} is idempotent and
     * answers with the role. A daemon started just now is first waited for until its socket answers; one
     * that does not answer yet or has not built its director yet is asked again until {@code startWait} ends.
     */
    @Override
    public void start() throws ResourceException {
        long begun = System.nanoTime();
        if (ensureStandby()) {
            awaitRole();
        }
        long deadline = System.nanoTime() + startWait.toNanos();
        long asked = System.nanoTime();
        Optional<String> failure = control().perform("activate");
        LOG.debug("{}: activate answered after {} ms ({} ms since the start began)", name,
                (System.nanoTime() - asked) / 1_000_000, (System.nanoTime() - begun) / 1_000_000);
        while (failure.isPresent() && System.nanoTime() - deadline < 0 && stillStarting(control().role())) {
            pause(ACTIVATE_RETRY);
            failure = control().perform("activate");
        }
        if (failure.isPresent()) {
            throw new ResourceException(name + ": " + failure.get());
        }
        LOG.info("info: {}: director active", name);
    }

    /** No answer yet (a daemon that has just written its pid file) or no director yet. */
    private static boolean stillStarting(String role) {
        return role.isEmpty() || role.startsWith("starting");
    }

    private static void pause(Duration duration) throws ResourceException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException("interrupted while waiting for the director to start", e);
        }
    }

    @Override
    public void stop() throws ResourceException {
        if (pidFile().livePid().isPresent() && control().role().startsWith("active")) {
            request("deactivate");
        }
    }

    @Override
    public boolean running() {
        return pidFile().livePid().isPresent() && control().role().startsWith("active");
    }

    private void request(String what) throws ResourceException {
        Optional<String> failure = control().perform(what);
        if (failure.isPresent()) {
            throw new ResourceException(name + ": " + failure.get());
        }
    }

    private LdirectordControl control() {
        return new LdirectordControl(runDir, location.cfgName());
    }

    private PidFile pidFile() {
        return new PidFile(runDir, location.cfgName());
    }

    /** This JVM's command line for LdirectordMain, named as ldirectord (not as the heartbeat peer). */
    private List<String> childCommand(List<String> arguments) {
        return childCommand(DaemonLauncher.javaCommand(LdirectordMain.class.getName(), arguments), launcher);
    }

    static List<String> childCommand(List<String> javaCommand, String launcher) {
        List<String> command = new ArrayList<>();
        for (String part : javaCommand) {
            if (part.startsWith("-Dlvsdirector.program=")) {
                command.add("-Dlvsdirector.program=ldirectord");
            } else if (part.startsWith("-Dlvsdirector.launcher=")) {
                command.add("-Dlvsdirector.launcher=" + launcher);
            } else {
                command.add(part);
            }
        }
        return command;
    }
}
