package lvsdirector.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import lvsdirector.config.ConfigLocator;
import lvsdirector.config.ConfigMessage;
import lvsdirector.config.ConfigParser;
import lvsdirector.config.ParseMode;
import lvsdirector.config.ParseResult;
import lvsdirector.config.ParserOptions;
import lvsdirector.daemon.ControlClient;
import lvsdirector.daemon.DaemonLauncher;
import lvsdirector.daemon.DaemonOptions;
import lvsdirector.daemon.DirectorDaemon;
import lvsdirector.daemon.SiteSettings;
import lvsdirector.daemon.OverrideCommand;
import lvsdirector.daemon.PidFile;
import lvsdirector.state.OverrideStore;
import lvsdirector.state.StateDirectory;
import lvsdirector.state.StateSettings;

/** The actions of the ldirectord command line, with ldirectord's streams and exit codes. */
final class LdirectordActions {
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final CliEnvironment env;
    private final boolean debug;
    private final String backend;
    private final boolean daemonChild;
    private final long pid = ProcessHandle.current().pid();

    LdirectordActions(CliEnvironment env, boolean debug, String backend, boolean daemonChild) {
        this.env = env;
        this.debug = debug;
        this.backend = backend;
        this.daemonChild = daemonChild;
    }

    int run(Optional<String> configArgument, String action) {
        ConfigLocator.Location location;
        try {
            location = new ConfigLocator(env.searchPrefixes()).locate(configArgument);
        } catch (ConfigLocator.NotFoundException e) {
            if (!debug) {
                env.err().println(e.getMessage());
            }
            return 1;
        }
        PidFile pidFile = new PidFile(env.runDir(), location.cfgName());
        switch (action) {
            case "configtest":
                return configtest(location);
            case "start":
                return start(location, pidFile, false);
            case "standby":
                return standby(location, pidFile);
            case "stop":
                return stop(location, pidFile);
            case "restart":
                return restart(location, pidFile);
            case "try-restart":
                return pidFile.livePid().isPresent() ? restart(location, pidFile) : 0;
            case "reload":
            case "force-reload":
                return reload(location, pidFile);
            case "status":
                return status(location, pidFile);
            case "show":
                return show(location);
            default:
                throw new IllegalArgumentException(action);
        }
    }

    /**
     * drain, undrain, weight, overrides: through the running daemon's control socket (it validates
     * against its configuration and persists); without a daemon, against the file and the store directly.
     */
    int runOverride(Optional<String> configArgument, String verb, List<String> arguments) {
        ConfigLocator.Location location;
        try {
            location = new ConfigLocator(env.searchPrefixes()).locate(configArgument);
        } catch (ConfigLocator.NotFoundException e) {
            env.err().println(e.getMessage());
            return 1;
        }
        List<String> request = new ArrayList<>(List.of(verb, System.getProperty("user.name", "?")));
        request.addAll(arguments);
        Path socket = DaemonOptions.controlSocket(env.runDir(), location.cfgName());
        if (Files.exists(socket)) {
            try {
                ControlClient.Reply reply = ControlClient.request(socket, request);
                (reply.status() == 0 ? env.out() : env.err()).print(reply.output());
                return reply.status();
            } catch (IOException e) {
                // no daemon behind the socket: edit the store directly below
            } catch (IllegalArgumentException e) {
                env.err().println(e.getMessage());
                return 1;
            }
        }
        ParseResult parsed = parser().parse(location.config(), location.configName(), ParseMode.FIRST_ERROR);
        if (!parsed.ok()) {
            for (ConfigMessage error : parsed.errors()) {
                env.err().println(error.format(pid));
            }
            return 2;
        }
        StateDirectory directory = new StateDirectory(SiteSettings.stateSettingsForTools(), Clock.systemUTC());
        java.io.StringWriter text = new java.io.StringWriter();
        int status;
        try (java.io.PrintWriter out = new java.io.PrintWriter(text)) {
            status = new OverrideCommand(parsed.config(), new OverrideStore(directory), Clock.systemUTC())
                    .run(verb, request.get(1), arguments, out);
        }
        if (status == 0 && !verb.equals("overrides")) {
            env.out().print(text);
            env.out().println("(ldirectord is not running for " + location.configName() + ": edited "
                    + directory.locate().describe() + " directly; applied when it starts)");
        } else {
            (status == 0 ? env.out() : env.err()).print(text);
        }
        return status;
    }

    /** Every error and warning of the file (ours): exit 0 when there is no error, else 2. */
    private int configtest(ConfigLocator.Location location) {
        ParseResult result = parser().parse(location.config(), location.configName(), ParseMode.ALL);
        for (ConfigMessage m : result.messages()) {
            env.err().println(m.format(pid));
        }
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        env.out().println(location.configName() + ": " + errors + (errors == 1 ? " error, " : " errors, ")
                + warnings + (warnings == 1 ? " warning" : " warnings"));
        return errors == 0 ? 0 : 2;
    }

    private int start(ConfigLocator.Location location, PidFile pidFile, boolean inStandby) {
        if (!debug && !daemonChild && pidFile.livePid().isPresent()) {
            return inStandby ? 0 : activateIfStandby(location);
        }
        ParseResult parsed = parser().parse(location.config(), location.configName(), ParseMode.FIRST_ERROR);
        if (!parsed.ok()) {
            for (ConfigMessage error : parsed.errors()) {
                env.err().println(error.format(pid));
            }
            return 2;
        }
        boolean foreground = debug || daemonChild || parsed.config().globals().supervised();
        if (foreground) {
            DaemonOptions options = new DaemonOptions(location, backend, debug, env.runDir(), env.launcher(), true);
            DirectorDaemon daemon = Components.daemon(options);
            return (inStandby ? daemon.withStandbyStart() : daemon).run();
        }
        return launchDetached(location, pidFile, inStandby ? "standby" : "start");
    }

    private int launchDetached(ConfigLocator.Location location, PidFile pidFile, String childAction) {
        List<String> arguments = new ArrayList<>(List.of("--daemon-child", "--backend=" + backend,
                location.config().toAbsolutePath().toString(), childAction));
        try {
            DaemonLauncher.Outcome outcome = DaemonLauncher.spawn(
                    DaemonLauncher.javaCommand(LdirectordMain.class.getName(), arguments), pidFile, START_WAIT);
            if (outcome instanceof DaemonLauncher.Started) {
                return 0;
            }
            if (outcome instanceof DaemonLauncher.Exited exited) {
                env.err().println("ldirectord for " + location.configName() + " exited during start-up with status "
                        + exited.status() + "; its log says why");
                return exited.status() == 0 ? 1 : exited.status();
            }
            env.err().println("ldirectord for " + location.configName() + " did not write its pid file within "
                    + START_WAIT.toSeconds() + "s; check its log");
            return 1;
        } catch (IOException e) {
            env.err().println("cannot start the daemon: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** A running hot standby that is active goes back to standby; anything else stops (TERM). */
    private int stop(ConfigLocator.Location location, PidFile pidFile) {
        OptionalLong live = pidFile.livePid();
        if (live.isPresent() && role(location).equals("active hot-standby")) {
            return control(location, "deactivate");
        }
        live.ifPresent(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroy));
        return 0;
    }

    /** Starts a hot standby, or turns a running active daemon into one. */
    private int standby(ConfigLocator.Location location, PidFile pidFile) {
        if (!debug && !daemonChild && pidFile.livePid().isPresent()) {
            return role(location).startsWith("active") ? control(location, "deactivate") : 0;
        }
        return start(location, pidFile, true);
    }

    private int activateIfStandby(ConfigLocator.Location location) {
        String role = new LdirectordControl(env.runDir(), location.cfgName()).awaitRole(Duration.ofSeconds(30));
        return role.startsWith("standby") ? control(location, "activate") : 0;
    }

    private String role(ConfigLocator.Location location) {
        return new LdirectordControl(env.runDir(), location.cfgName()).role();
    }

    private int control(ConfigLocator.Location location, String request) {
        Optional<String> failure = new LdirectordControl(env.runDir(), location.cfgName()).perform(request);
        failure.ifPresent(env.err()::println);
        return failure.isPresent() ? 1 : 0;
    }

    private int restart(ConfigLocator.Location location, PidFile pidFile) {
        OptionalLong live = pidFile.livePid();
        if (live.isPresent()) {
            Optional<ProcessHandle> process = ProcessHandle.of(live.getAsLong());
            process.ifPresent(ProcessHandle::destroy);
            while (pidFile.exists() && process.map(ProcessHandle::isAlive).orElse(false)) {
                sleepOneSecond();
            }
        }
        return start(location, pidFile, false);
    }

    private int reload(ConfigLocator.Location location, PidFile pidFile) {
        ParseResult parsed = parser().parse(location.config(), location.configName(), ParseMode.FIRST_ERROR);
        if (!parsed.ok()) {
            for (ConfigMessage error : parsed.errors()) {
                env.err().println(error.format(pid));
            }
            return 2;
        }
        OptionalLong live = pidFile.livePid();
        if (live.isEmpty()) {
            env.err().println("ldirectord is stopped for " + location.configName());
            return 1;
        }
        return signal(live.getAsLong(), "HUP") ? 0 : 1;
    }

    private int status(ConfigLocator.Location location, PidFile pidFile) {
        OptionalLong live = pidFile.livePid();
        if (live.isPresent() && role(location).startsWith("standby")) {
            // heartbeat's ResourceManager reads stdout: no "running" and no "OK" in it means stopped
            env.out().println("ldirectord for " + location.configName() + " is in standby with pid: " + live.getAsLong()
                    + " (checking real servers, IPVS table not programmed)");
            return 3;
        }
        if (live.isPresent()) {
            env.err().println("ldirectord for " + location.configName() + " is running with pid: " + live.getAsLong());
            return 0;
        }
        if (pidFile.exists()) {
            env.err().println("ldirectord stale pid file " + pidFile.path() + " for " + location.configName());
            env.out().println("ldirectord is stopped for " + location.configName());
            return 1;
        }
        env.out().println("ldirectord is stopped for " + location.configName());
        return 3;
    }

    private int show(ConfigLocator.Location location) {
        try {
            ControlClient.Reply reply = ControlClient.request(DaemonOptions.controlSocket(env.runDir(), location.cfgName()),
                    List.of("show"));
            env.out().print(reply.output());
            return reply.status();
        } catch (IOException e) {
            env.out().println("ldirectord is stopped for " + location.configName());
            return 3;
        }
    }

    private boolean signal(long target, String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(target)).inheritIO().start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            env.err().println("cannot signal " + target + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ConfigParser parser() {
        return new ConfigParser(ParserOptions.system().withDebug(debug));
    }

    private static void sleepOneSecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
