package lvsdirector.heartbeat.resource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lvsdirector.heartbeat.config.Resource;

/**
 * A resource run by a script of {@code resource.d} or {@code init.d}:
 * {@code script arg1 arg2 ... start|stop|status}. start and stop succeed on exit 0; {@code status} is
 * judged by its output text only ({@link StatusText}).
 */
public final class ScriptAgent implements ResourceAgent {
    private final Resource resource;
    private final Path script;
    private final ScriptRunner runner;
    private final Map<String, String> environment;

    public ScriptAgent(Resource resource, Path script, ScriptRunner runner, Map<String, String> environment) {
        this.resource = resource;
        this.script = script;
        this.runner = runner;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return resource.text();
    }

    public Path script() {
        return script;
    }

    @Override
    public void start() throws ResourceException {
        ScriptResult result = run("start");
        if (!result.succeeded()) {
            throw new ResourceException(name() + ": start failed (" + result.summary() + ")");
        }
    }

    @Override
    public void stop() throws ResourceException {
        ScriptResult result = run("stop");
        if (!result.succeeded()) {
            throw new ResourceException(name() + ": stop failed (" + result.summary() + ")");
        }
    }

    @Override
    public boolean running() throws ResourceException {
        return StatusText.running(run("status").stdout());
    }

    private ScriptResult run(String action) throws ResourceException {
        List<String> argv = new ArrayList<>();
        argv.add(script.toString());
        argv.addAll(resource.command(action));
        try {
            return runner.run(argv, environment);
        } catch (IOException e) {
            throw new ResourceException(name() + ": cannot run " + script + " " + action + ": " + e.getMessage(), e);
        }
    }
}
