package lvsdirector.heartbeat.resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import lvsdirector.heartbeat.config.Resource;

/**
 * Finds the script of a resource as heartbeat does: {@code <config-dir>/resource.d/NAME}, then
 * {@code /etc/init.d/NAME}; it must exist and be executable.
 */
public final class ScriptAgents implements BuiltinAgents {
    private final Path resourceDir;
    private final Path initDir;
    private final ScriptRunner runner;
    private final Map<String, String> environment;

    /** @param environment what every script gets besides the inherited environment ({@code HA_CURHOST}, ...) */
    public ScriptAgents(Path resourceDir, Path initDir, ScriptRunner runner, Map<String, String> environment) {
        this.resourceDir = resourceDir;
        this.initDir = initDir;
        this.runner = runner;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Optional<ResourceAgent> agentFor(Resource resource) throws ResourceException {
        String name = resource.script();
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new ResourceException(resource.text() + ": invalid resource script name [" + name + "]");
        }
        for (Path dir : new Path[] {resourceDir, initDir}) {
            Path script = dir.resolve(name);
            if (Files.isRegularFile(script) && Files.isExecutable(script)) {
                return Optional.of(new ScriptAgent(resource, script, runner, environment));
            }
        }
        throw new ResourceException(resource.text() + ": no executable " + name + " in " + resourceDir + " or " + initDir);
    }
}
