package lvsdirector.cli.heartbeat;

import lvsdirector.support.Hostnames;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lvsdirector.daemon.SdNotify;
import lvsdirector.heartbeat.config.AuthkeysParser;
import lvsdirector.heartbeat.config.ConfigException;
import lvsdirector.heartbeat.config.HaCf;
import lvsdirector.heartbeat.config.HaCfParser;
import lvsdirector.heartbeat.node.HeartbeatNode;
import lvsdirector.heartbeat.node.MembershipListener;
import lvsdirector.heartbeat.node.NodeStatus;
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
        description = "Run the heartbeat peer in the foreground (membership only: no resources yet).")
public final class StartCommand implements java.util.concurrent.Callable<Integer> {
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

    @Option(names = "--listen", defaultValue = "0.0.0.0", paramLabel = "ADDRESS", description = "address the receiving sockets bind to (default: ${DEFAULT-VALUE})")
    private String listen;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String localNode = (node != null ? node : hostName()).toLowerCase(Locale.ROOT);
        HaCf haCf;
        AuthKeys keys;
        try {
            haCf = HaCfParser.read(configDir.resolve("ha.cf"));
            haCf.requireLocalNode(configDir.resolve("ha.cf").toString(), localNode);
            keys = AuthkeysParser.read(configDir.resolve("authkeys"));
        } catch (ConfigException | IOException e) {
            err.println("heartbeat: " + e.getMessage());
            return CONFIG_ERROR;
        }
        RuntimeFiles files = new RuntimeFiles(stateDir);
        if (files.runningPeer().isPresent()) {
            err.println("heartbeat: already running with pid " + files.runningPeer().get().pid());
            return CONFIG_ERROR;
        }
        Vertx vertx = Vertx.vertx();
        HeartbeatNode running;
        try {
            running = HeartbeatNode.start(vertx, haCf, keys, localNode, new StateDirectory(stateDir), listen, new MembershipListener() {})
                    .await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            err.println("heartbeat: " + e.getMessage());
            vertx.close();
            return CONFIG_ERROR;
        }
        long pid = ProcessHandle.current().pid();
        files.writePid(pid);
        // systemd (Type=notify): ready once the media are up and the pid file is written
        SdNotify systemd = SdNotify.fromEnvironment();
        systemd.ready(pid, "running: " + haCf.media().size() + " media up");
        AtomicReference<Map<String, NodeStatus>> written = new AtomicReference<>();
        vertx.setPeriodic(0, 200, id -> vertx.executeBlocking(() -> {
            Map<String, NodeStatus> now = running.statuses();
            if (!now.equals(written.get())) {
                files.writeStatuses(now);
                written.set(now);
            }
            return null;
        }));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            systemd.stopping("stopping: announcing the shutdown to the cluster");
            try {
                running.stop(true).await(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("heartbeat: stopping: " + e.getMessage());
            }
            files.removeAll();
            vertx.close();
            systemd.close();
        }, "heartbeat-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }

    static String hostName() {
        return Hostnames.local();
    }
}
