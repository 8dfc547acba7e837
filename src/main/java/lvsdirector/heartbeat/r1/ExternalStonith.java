package lvsdirector.heartbeat.r1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lvsdirector.heartbeat.config.StonithHost;
import lvsdirector.heartbeat.resource.ScriptRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code stonith_host HOST|* external COMMAND ARGS...}: resets a dead node by running
 * {@code COMMAND ARGS... NODE}; exit 0 means the node was reset. Other STONITH types are not supported
 * (the config parser logged that once); a node they cover is treated as having no device.
 */
public final class ExternalStonith implements StonithHook {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalStonith.class);

    private final List<StonithHost> hosts;
    private final ScriptRunner runner;

    public ExternalStonith(List<StonithHost> hosts, ScriptRunner runner) {
        this.hosts = hosts.stream().filter(h -> h.type().equals("external")).toList();
        this.runner = runner;
    }

    private Optional<StonithHost> deviceFor(String node) {
        return hosts.stream().filter(h -> h.covers(node)).findFirst();
    }

    @Override
    public boolean configuredFor(String node) {
        return deviceFor(node).isPresent();
    }

    @Override
    public boolean reset(String node) {
        Optional<StonithHost> device = deviceFor(node);
        if (device.isEmpty()) {
            return false;
        }
        List<String> argv = new ArrayList<>(device.get().parameters());
        argv.add(node);
        try {
            boolean ok = runner.run(argv, Map.of("HA_STONITH_NODE", node)).succeeded();
            LOG.info("info: STONITH external {} for {}: {}", String.join(" ", argv), node, ok ? "reset" : "FAILED");
            return ok;
        } catch (IOException e) {
            LOG.error("ERROR: STONITH external command for {} could not run: {}", node, e.getMessage());
            return false;
        }
    }
}
