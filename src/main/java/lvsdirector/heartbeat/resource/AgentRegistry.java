package lvsdirector.heartbeat.resource;

import java.util.List;
import java.util.Optional;
import lvsdirector.heartbeat.config.Resource;

/** Picks the agent of a resource: the first built-in factory that knows its type, else its script. */
public final class AgentRegistry {
    private final List<BuiltinAgents> builtins;
    private final BuiltinAgents scripts;

    public AgentRegistry(List<BuiltinAgents> builtins, BuiltinAgents scripts) {
        this.builtins = List.copyOf(builtins);
        this.scripts = scripts;
    }

    public ResourceAgent agentFor(Resource resource) throws ResourceException {
        for (BuiltinAgents builtin : builtins) {
            Optional<ResourceAgent> agent = builtin.agentFor(resource);
            if (agent.isPresent()) {
                return agent.get();
            }
        }
        return scripts.agentFor(resource)
                .orElseThrow(() -> new ResourceException(resource.text() + ": no agent for resource type " + resource.script()));
    }
}
