package lvsdirector.cli.heartbeat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import lvsdirector.heartbeat.config.HaCf;
import lvsdirector.heartbeat.config.Haresources;
import lvsdirector.heartbeat.node.MessageSender;
import lvsdirector.heartbeat.r1.ExternalStonith;
import lvsdirector.heartbeat.r1.Groups;
import lvsdirector.heartbeat.r1.R1Manager;
import lvsdirector.heartbeat.r1.R1Timing;
import lvsdirector.heartbeat.r1.ResourceWork;
import lvsdirector.heartbeat.resource.AgentRegistry;
import lvsdirector.heartbeat.resource.BuiltinAgents;
import lvsdirector.heartbeat.resource.Fencer;
import lvsdirector.heartbeat.resource.GroupRunner;
import lvsdirector.heartbeat.resource.ScriptAgents;
import lvsdirector.heartbeat.resource.ScriptRunner;

/**
 * The peer's haresources side: scripts of {@code <config-dir>/resource.d} and the init directory run on
 * one worker thread, the {@link R1Manager} on the node's event loop. Built-in agents (IPaddr over
 * rtnetlink) are asked first when given.
 */
final class ResourceLayer {
    /** heartbeat's HA_STOPRETRYMAX, one try per second. */
    static final int STOP_RETRIES = 10;

    /** Its thread is started at once: a standby node's first job is a takeover, which must not wait for it. */
    private final ExecutorService worker = startedWorker();
    private final HaCf haCf;
    private final String localNode;
    private final ScriptRunner scripts;
    private final GroupRunner groupRunner;
    private volatile Groups groups;
    private volatile R1Manager manager;
    /** The haresources of the last reload, for a manager built again at a restart after a partition. */
    private volatile Haresources reloaded;

    ResourceLayer(HaCf haCf, String localNode, Path configDir, Path initDir, List<String> fenceCommand, Duration scriptTimeout,
            List<BuiltinAgents> builtins) {
        this.haCf = haCf;
        this.localNode = localNode;
        this.scripts = new ScriptRunner(scriptTimeout);
        Map<String, String> env = new HashMap<>();
        env.put("HA_CURHOST", localNode);
        env.put("HA_DIR", configDir.toString());
        env.put("HA_RESOURCEDIR", configDir.resolve("resource.d").toString());
        haCf.logFacility().ifPresent(f -> env.put("HA_LOGFACILITY", f));
        haCf.logFile().ifPresent(f -> env.put("HA_LOGFILE", f));
        haCf.debugFile().ifPresent(f -> env.put("HA_DEBUGLOG", f));
        if (haCf.autoFailback().niceFailback()) {
            env.put("HA_NICEFAILBACK", "yes");
        }
        AgentRegistry agents = new AgentRegistry(builtins, new ScriptAgents(configDir.resolve("resource.d"), initDir, scripts, env));
        // heartbeat kills itself after the reboot command; so do we
        Fencer fencer = new Fencer(fenceCommand, scripts, () -> Runtime.getRuntime().halt(1));
        this.groupRunner = new GroupRunner(agents, STOP_RETRIES, Duration.ofSeconds(1), fencer);
    }

    /**
     * Builds the manager on the node's event loop (called by HeartbeatNode with its sender, at the start and
     * again at each restart after a partition, when the previous manager has released everything).
     */
    R1Manager create(Haresources haresources, MessageSender sender) {
        Context loop = Vertx.currentContext();
        ResourceWork work = ResourceWork.on(worker, r -> loop.runOnContext(v -> r.run()));
        Haresources current = reloaded;
        groups = new Groups(current != null ? current : haresources, localNode, groupRunner, work, System::nanoTime, R1Timing.HEARTBEAT);
        manager = new R1Manager(localNode, haCf.nodes(), haCf.autoFailback(), groups, sender::send, System::nanoTime,
                new ExternalStonith(haCf.stonithHosts(), scripts), R1Timing.HEARTBEAT);
        return manager;
    }

    private static ExecutorService startedWorker() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "heartbeat-resources");
                    t.setDaemon(true);
                    return t;
                });
        pool.prestartCoreThread();
        return pool;
    }

    R1Manager manager() {
        return manager;
    }

    void replaceHaresources(Haresources haresources) {
        reloaded = haresources;
        groups.replace(haresources);
    }

    void close() {
        worker.shutdownNow();
    }
}
