package lvsdirector.heartbeat.resource;

import java.util.Optional;

import lvsdirector.heartbeat.config.Resource;

/**
 * Resource types implemented inside the peer instead of by a script. The resource manager asks
 * each registered factory first and falls back to {@code resource.d}/{@code init.d} scripts.
 */
public interface BuiltinAgents {

    /** An agent for the resource when this factory implements its type; empty otherwise. */
    Optional<ResourceAgent> agentFor(Resource resource) throws ResourceException;
}
