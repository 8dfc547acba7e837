package lvsdirector.daemon;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execute= companions: other configurations started, stopped, reloaded and statused alongside this
 * one by running "ldirectord &lt;name&gt; &lt;action&gt;", as ldirectord does.
 */
public final class ExecuteChildren {
    private static final Logger LOG = LoggerFactory.getLogger("ldirectord");
    private static final long TIMEOUT_SECONDS = 60;

    private final String launcher;

    /** @param launcher the ldirectord entry point (scripts/ldirectord, or the installed one) */
    public ExecuteChildren(String launcher) {
        this.launcher = launcher;
    }

    /** Runs the action for each name; returns the exit status of each. */
    public List<Integer> run(List<String> names, String action) {
        List<Integer> statuses = new ArrayList<>();
        for (String name : names) {
            statuses.add(runOne(name, action));
        }
        return statuses;
    }

    /** On reload: removed names stop, kept ones reload (start if that fails), new ones start. */
    public void reload(List<String> before, List<String> after) {
        for (String name : before) {
            if (!after.contains(name)) {
                runOne(name, "stop");
            }
        }
        for (String name : after) {
            if (before.contains(name)) {
                if (runOne(name, "reload") != 0) {
                    runOne(name, "start");
                }
            } else {
                runOne(name, "start");
            }
        }
    }

    int runOne(String name, String action) {
        if (launcher == null || !new File(launcher).canExecute()) {
            LOG.info("cannot run execute={} {}: no ldirectord launcher found", name, action);
            return 1;
        }
        try {
            Process process = new ProcessBuilder(launcher, name, action)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                LOG.info("system({} {} {}) timed out", launcher, name, action);
                return 1;
            }
            return process.exitValue();
        } catch (IOException e) {
            LOG.info("system({} {} {}) failed: {}", launcher, name, action, e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
