package lvsdirector.heartbeat.r1;

import java.util.Optional;
import lvsdirector.heartbeat.config.ResourceGroup;
import lvsdirector.heartbeat.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code auto_failback legacy} (spec §4.4): at comm-up a node asks for each of its own groups with
 * {@code ip-request}; the holder releases the group and answers {@code ip-request-resp}; the asker then
 * starts it. The home node therefore always gets its groups back.
 */
final class LegacyRequests {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyRequests.class);

    private final R1Manager manager;

    LegacyRequests(R1Manager manager) {
        this.manager = manager;
    }

    void requestOwnGroups() {
        for (ResourceGroup group : manager.groups.of(Holdings.LOCAL)) {
            if (!manager.groups.isRunning(group)) {
                LOG.info("info: requesting our resource group {} from {}", group.key(), manager.peer());
                manager.send(R1Messages.ipRequest(group.key()));
            }
        }
    }

    /**
     * Alone at comm-up (no other active node): heartbeat's req_resource asks nobody and broadcasts the answer
     * to itself, {@code ip-request-resp dest=<us> weown=yes}, for each local group it does not run yet. The
     * caller then acquires the groups; the messages only tell the other node (see {@link #overheardResponse}).
     */
    void answerOurselves() {
        for (ResourceGroup group : manager.groups.of(Holdings.LOCAL)) {
            if (!manager.groups.isRunning(group)) {
                manager.send(R1Messages.ipRequestResponse(manager.localNode, group.key(), true));
            }
        }
    }

    void request(Message message) {
        String key = message.get("ipaddr").orElse("");
        Optional<ResourceGroup> group = manager.groups.find(key);
        if (group.isEmpty()) {
            LOG.error("ERROR: ip-request from {} for unknown resource group [{}]", manager.peer(), key);
            manager.send(R1Messages.ipRequestResponse(manager.peer(), key, false));
            return;
        }
        if (!manager.groups.isRunning(group.get())) {
            manager.send(R1Messages.ipRequestResponse(manager.peer(), key, false));
            return;
        }
        LOG.info("info: {} asks for resource group {}: releasing it", manager.peer(), key);
        manager.groups.release(java.util.List.of(group.get()), () -> {
            manager.held = manager.groups.runningSides();
            manager.send(R1Messages.ipRequestResponse(manager.peer(), key, true));
            manager.refresh();
        });
        manager.held = manager.groups.runningSides();
    }

    /**
     * The peer's {@code ip-request-resp} addressed to itself: it found no other active node at its comm-up
     * (heartbeat's req_resource skips the request then, spec §4.4) and starts its own group. If we run that
     * group, both nodes now do. heartbeat 3.0.6 drops the message (dest is not us) and keeps the group too,
     * so we do the same and only say so loudly: the operator must stop it on one node.
     */
    void overheardResponse(Message message) {
        String key = message.get("ipaddr").orElse("");
        boolean toItself = message.get("dest").map(manager.peer()::equalsIgnoreCase).orElse(false);
        Optional<ResourceGroup> group = manager.groups.find(key);
        if (!toItself || group.isEmpty() || !group.get().node().equalsIgnoreCase(manager.peer()) || !manager.groups.isRunning(group.get())) {
            return;
        }
        LOG.warn("WARN: {} took its resource group {} without asking (it saw no other active node at its start), "
                + "but we run that group too: both nodes run it. heartbeat's legacy mode does the same; "
                + "stop it on one node, and use auto_failback on or off", manager.peer(), key);
    }

    void response(Message message) {
        String key = message.get("ipaddr").orElse("");
        Optional<ResourceGroup> group = manager.groups.find(key);
        if (group.isEmpty()) {
            LOG.error("ERROR: ip-request-resp for unknown resource group [{}] ignored", key);
            return;
        }
        if (manager.groups.isRunning(group.get())) {
            return;
        }
        manager.groups.acquire(java.util.List.of(group.get()), () -> {
            manager.held = manager.groups.runningSides();
            manager.refresh();
        });
        manager.held = manager.groups.runningSides();
    }
}
