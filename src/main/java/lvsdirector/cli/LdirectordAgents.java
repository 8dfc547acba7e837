package lvsdirector.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lvsdirector.config.ConfigLocator;
import lvsdirector.heartbeat.config.Resource;
import lvsdirector.heartbeat.resource.BuiltinAgents;
import lvsdirector.heartbeat.resource.ResourceAgent;
import lvsdirector.heartbeat.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ldirectord[::file.cf]} in haresources, built in: a {@link HotStandbyLdirectord} per config file,
 * looked up as ldirectord does (/etc/ha.d/, /etc/ha.d/conf/, as given; default ldirectord.cf).
 */
public final class LdirectordAgents implements BuiltinAgents {
    private static final Logger LOG = LoggerFactory.getLogger(LdirectordAgents.class);

    private final Path runDir;
    private final List<String> searchPrefixes;
    private final String launcher;
    private final Map<String, HotStandbyLdirectord> agents = new ConcurrentHashMap<>();

    LdirectordAgents(Path runDir, List<String> searchPrefixes, String launcher) {
        this.runDir = runDir;
        this.searchPrefixes = searchPrefixes;
        this.launcher = launcher;
    }

    public static LdirectordAgents fromEnvironment() {
        CliEnvironment env = CliEnvironment.system();
        String ownLauncher = env.launcher() == null ? "ldirectord" : env.launcher().replaceFirst("heartbeat$", "ldirectord");
        return new LdirectordAgents(env.runDir(), env.searchPrefixes(), ownLauncher);
    }

    @Override
    public Optional<ResourceAgent> agentFor(Resource resource) throws ResourceException {
        if (!resource.script().equals("ldirectord")) {
            return Optional.empty();
        }
        Optional<String> file = resource.arguments().isEmpty() ? Optional.empty() : Optional.of(resource.arguments().get(0));
        HotStandbyLdirectord known = agents.get(resource.text());
        if (known != null) {
            return Optional.of(known);
        }
        ConfigLocator.Location location;
        try {
            location = new ConfigLocator(searchPrefixes).locate(file);
        } catch (ConfigLocator.NotFoundException e) {
            throw new ResourceException(resource.text() + ": " + e.getMessage());
        }
        HotStandbyLdirectord agent = agents.computeIfAbsent(resource.text(),
                text -> new HotStandbyLdirectord(text, location, runDir, launcher));
        prewarm(agent);
        return Optional.of(agent);
    }

    /** The standby daemon starts now, in the background, so that a takeover finds it checking already. */
    private static void prewarm(HotStandbyLdirectord agent) {
        Thread starter = new Thread(() -> {
            try {
                agent.ensureStandby();
                LOG.info("info: {}: hot standby ready ({})", agent.name(), agent.awaitRole());
            } catch (ResourceException e) {
                LOG.warn("WARN: {} (a takeover will try again)", e.getMessage());
            }
        }, "standby-director " + agent.name());
        starter.setDaemon(true);
        starter.start();
    }
}
