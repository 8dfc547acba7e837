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
