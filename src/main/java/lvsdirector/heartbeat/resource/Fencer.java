package lvsdirector.heartbeat.resource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What heartbeat does when a resource cannot be stopped: the node may still hold it, so it must leave the
 * cluster at once. heartbeat kills itself and runs {@code reboot -nf}; here the command is configurable
 * (tests write a marker instead) and {@code afterCommand} ends this process.
 */
public final class Fencer {
    private static final Logger LOG = LoggerFactory.getLogger(Fencer.class);
    public static final List<String> DEFAULT_COMMAND = List.of("/sbin/reboot", "-nf");

    private final List<String> command;
    private final ScriptRunner runner;
    private final Runnable afterCommand;

    public Fencer(List<String> command, ScriptRunner runner, Runnable afterCommand) {
        this.command = List.copyOf(command);
        this.runner = runner;
        this.afterCommand = afterCommand;
    }

    public void fence(String reason) {
        LOG.error("CRIT: Resource STOP failure. Reboot required! ({}): running {}", reason, String.join(" ", command));
        try {
            runner.run(command, Map.of("HA_FENCE_REASON", reason));
        } catch (IOException e) {
            LOG.error("ERROR: fence command failed: {}", e.getMessage());
        }
        afterCommand.run();
    }
}
