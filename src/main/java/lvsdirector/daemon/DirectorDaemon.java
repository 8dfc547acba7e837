package lvsdirector.daemon;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import lvsdirector.check.HealthChecker;
import lvsdirector.config.ConfigMessage;
import lvsdirector.config.ConfigParser;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.ParseMode;
import lvsdirector.config.ParseResult;
import lvsdirector.config.ParserOptions;
import lvsdirector.director.CheckPlanner;
import lvsdirector.director.Director;
import lvsdirector.director.DirectorSnapshot;
import lvsdirector.director.SideEffects;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.sanity.StartupSanity;
import lvsdirector.state.StateSettings;
import lvsdirector.logging.LdirectordAppender;
import lvsdirector.logging.LogSetup;
import lvsdirector.logging.LogSink;
import lvsdirector.logging.LogSinks;
import lvsdirector.metrics.DirectorMetrics.ReloadOutcome;
import lvsdirector.metrics.EndpointAccess;
import lvsdirector.metrics.HttpEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running director: config, log sink, IPVS backend, checks, the director itself, the pid file, the
 * control socket, signals (HUP reloads, TERM/INT/QUIT stop) and the config-file watch (autoreload,
 * callback). {@link #run()} blocks until the daemon has stopped and returns the exit status.
 */
public final class DirectorDaemon {
    public static final String VERSION_BANNER = "Linux Director v1.186-ha";
    private static final Logger LOG = LoggerFactory.getLogger(LdirectordAppender.LDIRECTORD_LOGGER);

    private final DaemonOptions options;
    private final CheckerFactory checkerFactory;
    private final SideEffectsFactory sideEffectsFactory;
    private final ConfigParser parser;
    private final long pid = ProcessHandle.current().pid();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();

    private LdirectordAppender appender;
    private Vertx vertx;
    private Context context;
    private IpvsBackend backend;
    private HealthChecker checker;
    private volatile Director director;
    private DirectorConfig config;
    private PeriodicHousekeeping housekeeping;
    private ControlServer control;
    private PidFile pidFile;
    private ExecuteChildren children;
    private java.util.Optional<HttpEndpoint> httpEndpoint;
    private SiteSettings settings = SiteSettings.DEFAULTS;
    private volatile Observability observability;
    private java.util.Optional<ConnectionSync> connectionSync = java.util.Optional.empty();
    private volatile SdNotify notifier = SdNotify.fromEnvironment();
    private volatile boolean standbyStart;
    private final StandbyControl standbyControl = new StandbyControl(() -> director, () -> standbyStart,
            this::syncAsActive, () -> connectionSync.ifPresent(ConnectionSync::release));
    /** From lvs-director.conf at start-up unless {@link #withStateSettings} set it. */
    private StateSettings stateSettings;
    private volatile OverrideControl overrides;
    private HeartbeatSource heartbeatSource;
    private volatile HeartbeatMonitor heartbeat = HeartbeatMonitor.notAsked();
    private final java.util.Map<String, ControlServer.Handler> controlCommands = new java.util.concurrent.ConcurrentHashMap<>();

    /** Builds the side effects (alerts, monitor file, fallback command) on the director's context. */
    @FunctionalInterface
    public interface SideEffectsFactory {
        SideEffects create(Vertx vertx);
    }

    public DirectorDaemon(DaemonOptions options, CheckerFactory checkerFactory, SideEffectsFactory sideEffectsFactory,
                          ParserOptions parserOptions) {
        this.options = options;
        this.checkerFactory = checkerFactory;
        this.sideEffectsFactory = sideEffectsFactory;
        this.parser = new ConfigParser(parserOptions.withDebug(options.debug()));
    }

    /** Parses, starts and serves until stopped. Returns ldirectord's exit status. */
    public int run() {
        ParseResult parsed = parser.parse(options.location().config(), options.location().configName(),
                ParseMode.FIRST_ERROR);
        if (!parsed.ok()) {
            for (ConfigMessage error : parsed.errors()) {
                System.err.println(error.format(pid));
            }
            return 2;
        }
        config = parsed.config();
        appender = LogSetup.install(sinkFor(config), options.debug());
        for (ConfigMessage warning : parsed.warnings()) {
            LOG.info(warning.format(pid));
        }
        java.util.Optional<SiteSettings> loaded = SiteSettings.load(pid, LOG);
        if (loaded.isEmpty()) {
            return 1;
        }
        settings = loaded.get();
        if (stateSettings == null) {
            stateSettings = settings.stateSettings(System.getenv());
        }
        boolean foreground = options.debug() || config.globals().supervised();
        LOG.info(foreground ? VERSION_BANNER.replace("Linux Director", "Starting Linux Director") + " with pid: " + pid
                : "Starting " + VERSION_BANNER + " as daemon");
        java.util.Optional<String> missingCapability = options.backend().equals("kernel")
                ? CapabilityCheck.missingFor(config) : java.util.Optional.empty();
        if (missingCapability.isPresent()) {
            LOG.info(missingCapability.get());
            System.err.println(missingCapability.get());
            return 1;
        }
        try {
            BackendSelector.Choice choice = BackendSelector.choose(options.backend());
            backend = choice.backend();
            LOG.info(choice.logLine());
        } catch (BackendSelector.BackendUnavailableException e) {
            LOG.info(e.getMessage());
            System.err.println(e.getMessage());
            return 1;
        }
        StartupSanity.report(config, backend.name(), LOG::info);
        if (!foreground) {
            pidFile = new PidFile(options.runDir(), options.location().cfgName());
            try {
                pidFile.write(pid);
            } catch (IOException e) {
                LOG.info("Exiting with exit_status 1: cannot write pid file " + pidFile.path() + ": " + e.getMessage());
                return 1;
            }
        }
        children = new ExecuteChildren(options.launcher());
        if (options.signals()) {
            installSignals();
        }
        if (!stopping.get()) {
            startRuntime();
            List<String> companions = config.globals().execute();
            vertx.executeBlocking(() -> children.run(companions, "start"), false);
        }
        awaitStop();
        return 0;
    }

    private void startRuntime() {
        // epoll when Netty's native library loads (it is on the class path for linux-x86_64), else NIO
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        context = vertx.getOrCreateContext();
        if (heartbeatSource != null) {
            heartbeat = new HeartbeatMonitor(heartbeatSource, stateSettings.node()).start();
        }
        Observability observed = Observability.start(vertx,
                httpEndpoint != null ? httpEndpoint : Observability.configuredEndpoint(LOG), this::snapshot,
                this::stateView, () -> heartbeat.current(), EndpointAccess.system(settings.site().statusGroup()), LOG);
        AtomicReference<Director> directorRef = new AtomicReference<>();
        CountDownLatch created = new CountDownLatch(1);
        context.runOnContext(v -> {
            checker = checkerFactory.create(context, (job, outcome) -> directorRef.get().onOutcome(job, outcome),
                    settings.externalRunAs());
            director = new Director(context, backend, checker, CheckPlanner::plan, sideEffectsFactory.create(vertx),
                    Clock.systemDefaultZone()).withObserver(observed.observer());
            if (standbyStart) {
                director.startingInStandby();
            }
            directorRef.set(director);
            created.countDown();
        });
        awaitQuietly(created);
        overrides = new OverrideControl(stateSettings, () -> config, director::setOverrides, LOG);
        overrides.refresh();
        observability = observed;
        startControlSocket();
        connectionSync = ConnectionSyncSetup.forDirector(backend, settings.site(),
                overrides.directory(), LOG::info, this::snapshot);
        (standbyStart ? director.startInStandby(config) : director.start(config)).onComplete(started -> {
            if (!standbyStart) {
                syncAsActive();
            }
            if (started.failed()) {
                LOG.info("start-up failed: " + started.cause().getMessage());
            }
            notifier.ready(pid, started.succeeded() ? "running: first check round done"
                    : "running, but start-up failed: " + started.cause().getMessage());
        });
        housekeeping = new PeriodicHousekeeping(vertx, context, options.location(), () -> config.globals(), this::reload,
                () -> overrides.refresh(), stopping::get, LOG);
        housekeeping.start();
    }

    /** The active director's share of connection sync: master daemon, restore from the snapshot, snapshots. */
    private void syncAsActive() {
        connectionSync.ifPresent(sync -> vertx.executeBlocking(() -> {
            sync.startMaster();
            sync.restore(config, backend);
            sync.startSnapshots();
            return null;
        }, false));
    }

    private void startControlSocket() {
        try {
            control = ControlServer.start(options.controlSocket(), this::handleControl);
        } catch (IOException | RuntimeException e) {
            LOG.info("control socket " + options.controlSocket() + " unavailable: " + e.getMessage()
                    + " (lvsadm and show will not reach this daemon)");
        }
    }

    int handleControl(List<String> arguments, java.io.PrintWriter out) {
        if (arguments.isEmpty()) {
            out.println("empty request");
            return 2;
        }
        java.util.OptionalInt standbyAnswer = standbyControl.handle(arguments, out);
        if (standbyAnswer.isPresent()) {
            return standbyAnswer.getAsInt();
        }
        switch (arguments.get(0)) {
            case "show":
                out.print(SnapshotText.render(snapshot(), stateView(), heartbeat.current()));
                return 0;
            case "drain", "undrain", "weight", "overrides":
                return overrides == null ? 2 : overrides.handle(arguments, out);
            default:
                ControlServer.Handler command = controlCommands.get(arguments.get(0));
                if (command == null) {
                    out.println("unknown request: " + arguments.get(0));
                    return 2;
                }
                return command.handle(arguments.subList(1, arguments.size()), out);
        }
    }

    /**
     * Where the status page, /status and /metrics are served (empty: nowhere); without this call the
     * process setting decides ({@link HttpEndpoint#configured}).
     */
    public DirectorDaemon withHttpEndpoint(java.util.Optional<HttpEndpoint> endpoint) {
        this.httpEndpoint = endpoint;
        return this;
    }

    /** The port the HTTP endpoint is bound to, or -1 while it is not (yet) listening. */
    public int httpPort() {
        Observability o = observability;
        return o == null ? -1 : o.port();
    }

    /** Replaces the systemd notifier (by default the one NOTIFY_SOCKET names, if any). */
    public DirectorDaemon withNotifier(SdNotify sdNotify) {
        this.notifier = sdNotify;
        return this;
    }

    /**
     * Starts in hot standby (checks only, IPVS untouched) until the control request {@code activate}; a
     * {@code deactivate} (what the command line's {@code stop} sends such a daemon) returns it to standby.
     */
    public DirectorDaemon withStandbyStart() {
        this.standbyStart = true;
        return this;
    }

    /** Adds a request the control socket answers (e.g. "lvsadm", registered by the command-line layer). */
    public DirectorDaemon withControlCommand(String name, ControlServer.Handler handler) {
        controlCommands.put(name, handler);
        return this;
    }

    /**
     * Where the HA peer's state on this host is read from for status output (read in the background
     * every 2 s); without this call status output says "n/a".
     */
    public DirectorDaemon withHeartbeatSource(HeartbeatSource source) {
        this.heartbeatSource = source;
        return this;
    }

    /** Where the state directory and the operator overrides live (default: the process environment's). */
    public DirectorDaemon withStateSettings(StateSettings settings) {
        this.stateSettings = settings;
        return this;
    }

    StateView stateView() {
        OverrideControl o = overrides;
        return o == null ? StateView.NONE : new StateView(o.drbdStatus(),
                o.unmatched().stream().map(lvsdirector.state.RealOverride::describe).toList(), o.metricsView());
    }

    public DirectorSnapshot snapshot() {
        return director == null ? DirectorSnapshot.EMPTY : director.snapshot();
    }

    public IpvsBackend backend() {
        return backend;
    }

    /** Re-reads the file; a file with errors is rejected whole and the running config stays in force. */
    public Future<Void> reload() {
        notifier.reloading("reloading " + options.location().configName());
        return reloadConfig().onComplete(r -> notifier.ready(pid, r.succeeded() ? "running: reloaded"
                : "running, reload failed: " + r.cause().getMessage()));
    }

    private Future<Void> reloadConfig() {
        housekeeping.acknowledge();
        ParseResult parsed = parser.parse(options.location().config(), options.location().configName(), ParseMode.ALL);
        if (!parsed.ok()) {
            for (ConfigMessage error : parsed.errors()) {
                LOG.info(error.format(pid));
            }
            LOG.info("Configuration file '" + options.location().configName()
                    + "' has errors; the running configuration stays in force");
            recordReload(ReloadOutcome.REJECTED);
            return Future.failedFuture("config has errors");
        }
        DirectorConfig previous = config;
        config = parsed.config();
        for (ConfigMessage warning : parsed.warnings()) {
            LOG.info(warning.format(pid));
        }
        if (!sinkKey(previous).equals(sinkKey(config))) {
            appender.setSink(sinkFor(config));
        }
        children.reload(previous.globals().execute(), config.globals().execute());
        if (previous.globals().checkInterval() != config.globals().checkInterval()) {
            housekeeping.restart();
        }
        return director.reload(config).onComplete(
                r -> recordReload(r.succeeded() ? ReloadOutcome.APPLIED : ReloadOutcome.FAILED));
    }

    private void recordReload(ReloadOutcome outcome) {
        Observability o = observability;
        if (o != null) {
            o.reloaded(outcome);
        }
    }

    private void installSignals() {
        Signals.on("HUP", name -> {
            if (!stopping.get() && director != null) {
                LOG.info("Reloading Linux Director Daemon config on signal");
                context.runOnContext(v -> reload());
            }
        });
        for (String name : List.of("TERM", "INT", "QUIT")) {
            Signals.on(name, this::stop);
        }
    }

    /** Graceful stop: companions stop, cleanstop purges, then the log line; unblocks {@link #run()}. */
    public void stop(String signalName) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        notifier.stopping("stopping on signal " + signalName);
        if (director == null) {
            LOG.info("Linux Director Daemon terminated on signal: " + signalName);
            stopped.countDown();
            return;
        }
        children.run(config.globals().execute(), "stop");
        connectionSync.ifPresent(ConnectionSync::close);
        Future<Void> done = director.stop();
        done.onComplete(r -> {
            if (r.failed()) {
                LOG.info("stop: " + r.cause().getMessage());
            }
            LOG.info("Linux Director Daemon terminated on signal: " + signalName);
            if (checker != null) {
                context.runOnContext(v -> checker.close());
            }
            stopped.countDown();
        });
    }

    private void awaitStop() {
        awaitQuietly(stopped);
        if (control != null) {
            control.close();
        }
        if (observability != null) {
            observability.close();
        }
        heartbeat.close();
        if (pidFile != null) {
            pidFile.removeIfOwnedBy(pid);
        }
        if (vertx != null) {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing is best effort; the process is about to exit
            }
        }
        backend.close();
        notifier.close();
    }

    private LogSink sinkFor(DirectorConfig c) {
        if (options.debug()) {
            return LogSinks.debug(System.err);
        }
        if (c.globals().supervised()) {
            return LogSinks.supervised(new PrintStream(System.out, true));
        }
        return LogSinks.forLogfile(c.globals().logfile(), options.location().cfgName(), pid);
    }

    private String sinkKey(DirectorConfig c) {
        return options.debug() + "|" + c.globals().supervised() + "|" + c.globals().logfile();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
