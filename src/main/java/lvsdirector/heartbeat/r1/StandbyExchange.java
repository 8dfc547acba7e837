package lvsdirector.heartbeat.r1;

import java.util.Optional;
import lvsdirector.heartbeat.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 3-phase {@code ask_resources} exchange (spec §4.5) in both roles. The giver G offers a set
 * ({@code me}), the taker T accepts ({@code other}), G releases and says {@code done}, T acquires and says
 * {@code done}. The set is always named from G's point of view.
 */
final class StandbyExchange {
    private static final Logger LOG = LoggerFactory.getLogger(StandbyExchange.class);

    private enum Role { GIVER, TAKER }

    private final R1Manager manager;
    private Role role;
    private Holdings set;
    private boolean waitingForOther;
    private long replyDeadline;
    private long transferDeadline;

    StandbyExchange(R1Manager manager) {
        this.manager = manager;
    }

    boolean active() {
        return role != null;
    }

    /** Starts giving {@code offered} (our view) to the peer. */
    void offer(Holdings offered) {
        if (active()) {
            LOG.warn("WARN: standby of [{}] not started: a transfer is in progress", offered.word());
            return;
        }
        long now = manager.now();
        role = Role.GIVER;
        set = offered;
        waitingForOther = true;
        replyDeadline = now + manager.timing.standbyReply().toNanos();
        transferDeadline = now + manager.timing.standbyTransfer().toNanos();
        LOG.info("info: giving up [{}] resources to {} (standby)", offered.word(), manager.peer());
        manager.send(R1Messages.ask(offered, "me"));
    }

    void received(Message message) {
        Optional<Holdings> named = message.get("rsc_hold").flatMap(Holdings::parse);
        String info = message.get("info").orElse("");
        if (named.isEmpty()) {
            LOG.error("ERROR: ask_resources with a bad rsc_hold [{}] ignored", message.get("rsc_hold").orElse(""));
            return;
        }
        switch (info) {
            case "me" -> asked(named.get());
            case "other" -> accepted(named.get());
            case "done" -> done(named.get());
            default -> LOG.error("ERROR: ask_resources with unknown info [{}] ignored", info);
        }
    }

    private void asked(Holdings offered) {
        if (manager.phase != R1Manager.Phase.STABLE || !manager.peerStable) {
            LOG.warn("WARN: standby request from {} ignored. Other side is in flux.", manager.peer());
            return;
        }
        if (active()) {
            LOG.warn("WARN: standby request from {} ignored: a transfer is already in progress", manager.peer());
            return;
        }
        role = Role.TAKER;
        set = offered;
        transferDeadline = manager.now() + manager.timing.standbyTransfer().toNanos();
        manager.send(R1Messages.ask(offered, "other"));
    }

    private void accepted(Holdings named) {
        if (role != Role.GIVER || !waitingForOther || named != set) {
            LOG.warn("WARN: unexpected ask_resources [{}] other ignored", named.word());
            return;
        }
        waitingForOther = false;
        manager.held = manager.held.minus(set);
        manager.send(R1Messages.resource(manager.held, false, Optional.of("standby")));
        Holdings given = set;
        manager.groups.release(given, () -> {
            manager.send(R1Messages.ask(given, "done"));
            manager.refresh();
        });
    }

    private void done(Holdings named) {
        if (role == Role.TAKER && named == set) {
            Holdings ours = set.mirrored();
            manager.held = manager.held.plus(ours);
            manager.takeovers.count(ours == Holdings.LOCAL ? Takeovers.FAILBACK : Takeovers.STANDBY);
            manager.groups.acquire(ours, () -> {
                manager.send(R1Messages.ask(named, "done"));
                manager.send(R1Messages.resource(manager.held, true, Optional.empty()));
                LOG.info("info: standby takeover of [{}] completed", ours.word());
                finish();
            });
        } else if (role == Role.GIVER && !waitingForOther && named == set) {
            LOG.info("info: Other node completed standby takeover.");
            manager.send(R1Messages.resource(manager.held, true, Optional.empty()));
            finish();
        } else {
            LOG.warn("WARN: unexpected ask_resources [{}] done ignored", named.word());
        }
    }

    void tick(long now) {
        if (role == Role.GIVER && waitingForOther && now - replyDeadline >= 0) {
            LOG.warn("WARN: No reply to standby request. Standby request cancelled.");
            finish();
        } else if (active() && now - transferDeadline >= 0) {
            LOG.error("ERROR: standby transfer of [{}] did not complete in time: cancelled", set.word());
            finish();
        }
    }

    void cancel(String why) {
        if (active()) {
            LOG.warn("WARN: standby transfer of [{}] cancelled: {}", set.word(), why);
            finish();
        }
    }

    private void finish() {
        role = null;
        set = null;
        waitingForOther = false;
        manager.refresh();
    }
}
