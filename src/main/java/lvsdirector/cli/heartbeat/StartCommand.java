package lvsdirector.cli.heartbeat;

import lvsdirector.cli.LdirectordAgents;
import lvsdirector.heartbeat.resource.BuiltinAgents;
import lvsdirector.heartbeat.resource.ResourceException;
import lvsdirector.heartbeat.vip.VipAgents;

import lvsdirector.support.Hostnames;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import lvsdirector.daemon.SdNotify;
import lvsdirector.heartbeat.config.AuthkeysParser;
import lvsdirector.heartbeat.config.ConfigException;
import lvsdirector.heartbeat.config.HaCf;
import lvsdirector.heartbeat.config.HaCfParser;
import lvsdirector.heartbeat.node.HeartbeatNode;
import lvsdirector.heartbeat.node.MembershipListeners;
import lvsdirector.metrics.EndpointAccess;
import lvsdirector.metrics.HttpEndpoint;
import lvsdirector.heartbeat.config.Haresources;
import lvsdirector.heartbeat.config.HaresourcesParser;
import lvsdirector.heartbeat.node.NodeStatus;
import lvsdirector.heartbeat.node.StartProgress;
import lvsdirector.heartbeat.node.StateDirectory;
import lvsdirector.heartbeat.wire.AuthKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code heartbeat start}: runs the peer in the foreground until SIGTERM/SIGINT, then announces the
 * shutdown ({@code shutdone}) and exits 0. Exit 2 on a configuration or media error, before any packet.
 */
@Command(name = "start", mixinStandardHelpOptions = true, versionProvider = HeartbeatMain.Version.class,
        description = "Run the heartbeat peer in the foreground: membership and the haresources groups.")
public final class StartCommand implements java.util.concurrent.Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StartCommand.class);
    static final int CONFIG_ERROR = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config-dir", defaultValue = "/etc/ha.d", paramLabel = "DIR", description = "holds ha.cf and authkeys (default: ${DEFAULT-VALUE})")
    private Path configDir;

    @Option(names = "--state-dir", defaultValue = "/var/lib/heartbeat", paramLabel = "DIR",
            description = "heartbeat's hb_uuid and hb_generation, plus our pid and status files (default: ${DEFAULT-VALUE})")
    private Path stateDir;

    @Option(names = "--node", paramLabel = "NAME", description = "this node's name (default: the host name, like uname -n)")
    private String node;

    @Option(names = "--init-dir", defaultValue = "/etc/init.d", paramLabel = "DIR",
            description = "where resource scripts not in CONFIG-DIR/resource.d are looked up (default: ${DEFAULT-VALUE})")
    private Path initDir;

    @Option(names = "--fence-command", defaultValue = "/sbin/reboot -nf", paramLabel = "COMMAND",
            description = "run when a resource cannot be stopped, then the peer exits at once, as heartbeat does (default: ${DEFAULT-VALUE})")
    private String fenceCommand;

    @Option(names = "--script-timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "a resource script still running after this long is killed with its children (default: ${DEFAULT-VALUE})")
    private int scriptTimeout;

    @Option(names = "--scripts-only",
            description = "run IPaddr, IPaddr2, IPv6addr and ldirectord through their resource.d scripts too, instead of"
                    + " the built-in agents (rtnetlink + gratuitous ARP; a hot-standby director)")
    private boolean scriptsOnly;

    @Option(names = "--listen", defaultValue = "0.0.0.0", paramLabel = "ADDRESS", description = "address the receiving sockets bind to (default: ${DEFAULT-VALUE})")
    private String listen;

    @Option(names = "--http", defaultValue = "127.0.0.1:9511", paramLabel = "HOST:PORT|off",
            description = "where /metrics (Prometheus text) is served; off for none (default: ${DEFAULT-VALUE})")
    private String http;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String localNode = (node != null ? node : hostName()).toLowerCase(Locale.ROOT);
        HaCf haCf;
        AuthKeys keys;
        Haresources haresources;
        try {
            haCf = HaCfParser.read(configDir.resolve("ha.cf"));
            haCf.requireLocalNode(configDir.resolve("ha.cf").toString(), localNode);
            keys = AuthkeysParser.read(configDir.resolve("authkeys"));
            Path haresourcesFile = configDir.resolve("haresources");
            haresources = Files.exists(haresourcesFile) ? HaresourcesParser.read(haresourcesFile, new HashSet<>(haCf.nodes()))
                    : new Haresources(List.of());
        } catch (ConfigException | IOException e) {
            err.println("heartbeat: " + e.getMessage());
            return CONFIG_ERROR;
        }
        Optional<HttpEndpoint> endpoint;
        try {
            endpoint = HttpEndpoint.parse(http);
        } catch (IllegalArgumentException e) {
            err.println("heartbeat: --http: " + e.getMessage());
            return CONFIG_ERROR;
        }
        RuntimeFiles files = new RuntimeFiles(stateDir);
        // a pid file naming this very process was left by an earlier run in a pid namespace, where the peer
        // is pid 1 each time: stale, not a peer already running
        Optional<ProcessHandle> alreadyRunning = files.runningPeer().filter(p -> p.pid() != ProcessHandle.current().pid());
        if (alreadyRunning.isPresent()) {
            err.println("heartbeat: already running with pid " + alreadyRunning.get().pid());
            return CONFIG_ERROR;
        }
        haCf.notImplemented().forEach(n -> LOG.warn("WARN: {}", n.format()));
        haCf.warnings().forEach(n -> LOG.warn("WARN: {}", n.format()));
        Vertx vertx = Vertx.vertx();
        List<BuiltinAgents> builtins = scriptsOnly ? List.of() : builtinAgents();
        prepare(builtins, haresources);
        ResourceLayer resources = new ResourceLayer(haCf, localNode, configDir, initDir, List.of(fenceCommand.strip().split("\\s+")),
                Duration.ofSeconds(scriptTimeout), builtins);
        HeartbeatMetrics metrics = new HeartbeatMetrics(haCf.nodes(), localNode);
        AtomicReference<HeartbeatNode> started = new AtomicReference<>();
        HeartbeatNode running;
        StartProgress progress = new StartProgress();
        Duration bound = StartWait.bound(haCf);
        try {
            progress.step("signing a first packet with authkeys (loads the JCE provider)");
            LOG.info("info: signatures ready in {} ms", SignatureWarmup.run(keys).toMillis());
            if (endpoint.isPresent()) {
                progress.step("opening the metrics endpoint " + http);
                MetricsHttpServer.start(vertx, endpoint.get(), () -> metrics.scrape(peerState(started.get(), resources)),
                        EndpointAccess.system(Optional.empty())).await(bound.toMillis(), TimeUnit.MILLISECONDS);
            }
            running = HeartbeatNode.start(vertx, haCf, keys, localNode, new StateDirectory(stateDir), listen,
                    sender -> MembershipListeners.observed(resources.create(haresources, sender), metrics), progress)
                    .await(bound.toMillis(), TimeUnit.MILLISECONDS);
            started.set(running);
            LOG.info("info: membership started in {} ms", progress.elapsed().toMillis());
            if (haCf.realtimePriority() > 0) {
                running.useRealtimeScheduling(haCf.realtimePriority())
                        .onSuccess(v -> LOG.info("info: membership loop runs SCHED_FIFO priority {} (realtime on)", haCf.realtimePriority()))
                        .onFailure(e -> LOG.warn("WARN: realtime on: {}; the membership loop keeps ordinary scheduling", e.getMessage()));
            }
        } catch (TimeoutException e) {
            err.println("heartbeat: " + StartWait.timedOut(bound, progress));
            vertx.close();
            return CONFIG_ERROR;
        } catch (Exception e) {
            err.println("heartbeat: " + StartWait.failed(e, progress));
            vertx.close();
            return CONFIG_ERROR;
        }
        long pid = ProcessHandle.current().pid();
        files.writePid(pid);
        ControlSocket control = ControlSocket.open(stateDir, new ControlCommands(running, resources, configDir));
        // systemd (Type=notify): ready once the media are up and the pid file is written
        SdNotify systemd = SdNotify.fromEnvironment();
        systemd.ready(pid, "running: " + haCf.media().size() + " media up");
        AtomicReference<Map<String, NodeStatus>> written = new AtomicReference<>();
        AtomicReference<String> writtenRsc = new AtomicReference<>();
        // the status files are written until the shutdown removes them: a write never follows the removal, and
        // no tick is handed to Vert.x once it is closing (that was a RejectedExecutionException in the log)
        AtomicBoolean statusFilesGone = new AtomicBoolean();
        long statusTimer = vertx.setPeriodic(0, 200, id -> vertx.executeBlocking(() -> {
            synchronized (statusFilesGone) {
                if (statusFilesGone.get()) {
                    return null;
                }
                Map<String, NodeStatus> now = running.statuses();
                if (!now.equals(written.get())) {
                    files.writeStatuses(now);
                    written.set(now);
                }
                String rsc = resources.manager().rscStatus();
                if (!rsc.equals(writtenRsc.get())) {
                    files.writeRscStatus(rsc);
                    writtenRsc.set(rsc);
                }
                return null;
            }
        }));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            systemd.stopping("stopping: announcing the shutdown to the cluster");
            try {
                control.close();
                // the resources are released first; stop scripts may take their time
                running.stop(true).await(scriptTimeout + 10L, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("heartbeat: stopping: " + e.getMessage());
            }
            resources.close();
            vertx.cancelTimer(statusTimer);
            synchronized (statusFilesGone) {
                statusFilesGone.set(true);
                files.removeAll();
            }
            vertx.close();
            systemd.close();
        }, "heartbeat-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }

    private static HeartbeatMetrics.PeerState peerState(HeartbeatNode node, ResourceLayer resources) {
        if (node == null || resources.manager() == null) {
            return HeartbeatMetrics.PeerState.EMPTY;
        }
        return new HeartbeatMetrics.PeerState(node.statuses(), resources.manager().rscStatus(),
                resources.manager().takeovers().snapshot(), node.droppedPackets());
    }

    /**
     * Asks the built-ins for every resource once at start-up: a hot-standby director begins checking now,
     * on both nodes, and an unusable resource is reported before it is needed. Each is also asked its status
     * once, so the first takeover does not pay for loading the native (rtnetlink) layer: under load that
     * cost seconds between "node is dead" and the address being up.
     */
    private static void prepare(List<BuiltinAgents> builtins, Haresources haresources) {
        for (var group : haresources.groups()) {
            for (var resource : group.resources()) {
                for (BuiltinAgents builtin : builtins) {
                    try {
                        var agent = builtin.agentFor(resource);
                        if (agent.isPresent()) {
                            LOG.info("info: {}: built in, {}", resource.text(), agent.get().running() ? "running" : "not running");
                            break;
                        }
                    } catch (ResourceException e) {
                        LOG.warn("WARN: {}", e.getMessage());
                    }
                }
            }
        }
    }

    private static List<BuiltinAgents> builtinAgents() {
        return List.of(new VipAgents(), LdirectordAgents.fromEnvironment());
    }

    static String hostName() {
        return Hostnames.local();
    }
}
