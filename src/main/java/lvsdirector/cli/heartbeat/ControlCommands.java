package lvsdirector.cli.heartbeat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import lvsdirector.heartbeat.config.ConfigException;
import lvsdirector.heartbeat.config.HaCfParser;
import lvsdirector.heartbeat.config.Haresources;
import lvsdirector.heartbeat.config.HaresourcesParser;
import lvsdirector.heartbeat.config.AuthkeysParser;
import lvsdirector.heartbeat.node.HeartbeatNode;
import lvsdirector.heartbeat.r1.Holdings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests the control socket accepts: {@code standby SET}, {@code takeover SET} (SET = all, local,
 * foreign; takeover also failback), {@code reload} and {@code rscstatus}. Manager calls run on the
 * node's event loop.
 */
final class ControlCommands implements Function<String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(ControlCommands.class);

    private final HeartbeatNode node;
    private final ResourceLayer resources;
    private final Path configDir;

    ControlCommands(HeartbeatNode node, ResourceLayer resources, Path configDir) {
        this.node = node;
        this.resources = resources;
        this.configDir = configDir;
    }

    @Override
    public String apply(String request) {
        String[] words = request.strip().split("\\s+");
        String set = words.length > 1 ? words[1] : "all";
        return switch (words[0]) {
            case "standby" -> withSet(set, false, s -> onLoop(() -> resources.manager().requestStandby(s)));
            case "takeover" -> withSet(set, true, s -> onLoop(() -> resources.manager().requestTakeover(s)));
            case "rscstatus" -> resources.manager().rscStatus();
            case "reload" -> reload();
            default -> "error: unknown request [" + words[0] + "]";
        };
    }

    private static String withSet(String word, boolean failbackAllowed, Function<Holdings, String> action) {
        Optional<Holdings> set = Holdings.parse(word).filter(h -> h != Holdings.NONE);
        if (set.isEmpty() || word.equals("failback") && !failbackAllowed) {
            return "error: [" + word + "] is not one of all, local, foreign" + (failbackAllowed ? ", failback" : "");
        }
        return action.apply(set.get());
    }

    private String onLoop(java.util.function.Supplier<String> call) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        node.runOnLoop(() -> {
            try {
                reply.complete(call.get());
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
            }
        });
        try {
            return reply.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "error: " + e.getMessage();
        }
    }

    /** Re-reads and checks all three files; the new haresources is used from the next transition on. */
    private String reload() {
        try {
            var haCf = HaCfParser.read(configDir.resolve("ha.cf"));
            AuthkeysParser.read(configDir.resolve("authkeys"));
            Haresources haresources = HaresourcesParser.read(configDir.resolve("haresources"), new HashSet<>(haCf.nodes()));
            resources.replaceHaresources(haresources);
            LOG.info("info: configuration reloaded: {} resource groups; ha.cf timing and media changes need a restart",
                    haresources.groups().size());
            return "ok: reloaded " + haresources.groups().size() + " resource groups (ha.cf timing and media apply at the next start)";
        } catch (ConfigException | IOException e) {
            LOG.error("ERROR: reload refused: {}", e.getMessage());
            return "error: reload refused: " + e.getMessage();
        }
    }
}
