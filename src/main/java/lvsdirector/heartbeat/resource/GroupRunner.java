package lvsdirector.heartbeat.resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.heartbeat.config.Resource;
import lvsdirector.heartbeat.config.ResourceGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * heartbeat's ResourceManager for one group: before each start the resource's status is asked and a
 * running resource is not started again; a failed start stops the whole group again ("Giving up
 * resources"); a failed stop is retried every {@code retryInterval} up to {@code stopRetries} times and,
 * if the resource still reports running, the node is fenced.
 */
public final class GroupRunner implements GroupActions {
    private static final Logger LOG = LoggerFactory.getLogger(GroupRunner.class);

    private final AgentRegistry agents;
    private final int stopRetries;
    private final Duration retryInterval;
    private final Fencer fencer;

    public GroupRunner(AgentRegistry agents, int stopRetries, Duration retryInterval, Fencer fencer) {
        this.agents = agents;
        this.stopRetries = stopRetries;
        this.retryInterval = retryInterval;
        this.fencer = fencer;
    }

    @Override
    public void acquire(ResourceGroup group) throws ResourceException {
        LOG.info("info: Acquiring resource group: {} {}", group.node(), group.key());
        for (Resource resource : group.resources()) {
            try {
                ResourceAgent agent = agents.agentFor(resource);
                if (agent.running()) {
                    LOG.info("info: Running {} is already running: start skipped", resource.text());
                    continue;
                }
                agent.start();
            } catch (ResourceException e) {
                LOG.error("CRIT: Giving up resources due to failure of {}: {}", resource.text(), e.getMessage());
                release(group);
                throw e;
            }
        }
    }

    @Override
    public void release(ResourceGroup group) throws ResourceException {
        LOG.info("info: Releasing resource group: {} {}", group.node(), group.key());
        List<Resource> reversed = new ArrayList<>(group.resources());
        java.util.Collections.reverse(reversed);
        ResourceException firstFailure = null;
        for (Resource resource : reversed) {
            try {
                stop(agents.agentFor(resource));
            } catch (ResourceException e) {
                LOG.error("ERROR: {}", e.getMessage());
                firstFailure = firstFailure != null ? firstFailure : e;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    private void stop(ResourceAgent agent) throws ResourceException {
        ResourceException last = null;
        for (int attempt = 0; attempt <= stopRetries; attempt++) {
            if (attempt > 0) {
                LOG.warn("WARN: retrying stop of {} ({}/{})", agent.name(), attempt, stopRetries);
                sleep(retryInterval);
            }
            try {
                agent.stop();
                return;
            } catch (ResourceException e) {
                last = e;
            }
        }
        if (agent.running()) {
            fencer.fence(agent.name() + " could not be stopped: " + last.getMessage());
        }
        throw last;
    }

    private static void sleep(Duration interval) throws ResourceException {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException("interrupted while retrying a stop", e);
        }
    }
}
