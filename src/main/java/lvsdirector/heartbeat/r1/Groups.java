package lvsdirector.heartbeat.r1;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import lvsdirector.heartbeat.config.Haresources;
import lvsdirector.heartbeat.config.ResourceGroup;
import lvsdirector.heartbeat.resource.GroupActions;
import lvsdirector.heartbeat.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The haresources groups seen from one node (its local and foreign sides), which of them run here, and
 * the jobs that start and stop them on the resource worker. A group that fails to start is remembered so
 * the manager can hand its side to the peer after a while, as heartbeat does.
 */
public final class Groups {
    private static final Logger LOG = LoggerFactory.getLogger(Groups.class);

    private volatile Haresources haresources;
    private final String localNode;
    private final GroupActions actions;
    private final ResourceWork work;
    private final LongSupplier nanoClock;
    private final long failedStartDelayNanos;
    private final Set<String> running = new HashSet<>();
    private int busy;
    private Holdings failedSide = Holdings.NONE;
    private long failedAt;

    public Groups(Haresources haresources, String localNode, GroupActions actions, ResourceWork work, LongSupplier nanoClock,
            R1Timing timing) {
        this.haresources = haresources;
        this.localNode = localNode;
        this.actions = actions;
        this.work = work;
        this.nanoClock = nanoClock;
        this.failedStartDelayNanos = timing.standbyAfterFailedStart().toNanos();
    }

    /** A re-read haresources; used from the next acquisition or release on. */
    public void replace(Haresources reloaded) {
        this.haresources = reloaded;
    }

    ResourceWork work() {
        return work;
    }

    boolean busy() {
        return busy > 0;
    }

    List<ResourceGroup> of(Holdings side) {
        List<ResourceGroup> selected = new ArrayList<>();
        if (side.local()) {
            selected.addAll(haresources.groupsOf(localNode));
        }
        if (side.foreign()) {
            selected.addAll(haresources.groupsNotOf(localNode));
        }
        return selected;
    }

    Optional<ResourceGroup> find(String key) {
        return haresources.groups().stream().filter(g -> g.key().equals(key)).findFirst();
    }

    boolean isRunning(ResourceGroup group) {
        return running.contains(group.key());
    }

    boolean isLocal(ResourceGroup group) {
        return group.node().equalsIgnoreCase(localNode);
    }

    /** The sides of which at least one group runs here (legacy mode's holdings). */
    Holdings runningSides() {
        boolean local = of(Holdings.LOCAL).stream().anyMatch(this::isRunning);
        boolean foreign = of(Holdings.FOREIGN).stream().anyMatch(this::isRunning);
        return Holdings.of(local, foreign);
    }

    void acquire(Holdings side, Runnable done) {
        acquire(of(side).stream().filter(g -> !isRunning(g)).toList(), done);
    }

    void acquire(List<ResourceGroup> wanted, Runnable done) {
        wanted.forEach(g -> running.add(g.key()));
        List<ResourceGroup> failed = Collections.synchronizedList(new ArrayList<>());
        submit(() -> {
            for (ResourceGroup group : wanted) {
                try {
                    actions.acquire(group);
                } catch (ResourceException | RuntimeException e) {
                    failed.add(group);
                }
            }
        }, () -> {
            for (ResourceGroup group : failed) {
                running.remove(group.key());
                failedSide = failedSide.plus(isLocal(group) ? Holdings.LOCAL : Holdings.FOREIGN);
                failedAt = nanoClock.getAsLong();
            }
            done.run();
        });
    }

    /** Releases the groups of {@code side} that run here, last group first. */
    void release(Holdings side, Runnable done) {
        release(reversed(of(side).stream().filter(this::isRunning).toList()), done);
    }

    /** heartbeat gives up every group of haresources at shutdown, held or not, last group first. */
    void releaseEverything(Runnable done) {
        release(reversed(haresources.groups()), done);
    }

    void release(List<ResourceGroup> groups, Runnable done) {
        groups.forEach(g -> running.remove(g.key()));
        submit(() -> {
            for (ResourceGroup group : groups) {
                try {
                    actions.release(group);
                } catch (ResourceException | RuntimeException e) {
                    LOG.error("ERROR: releasing {} failed: {}", group.key(), e.getMessage());
                }
            }
        }, done);
    }

    /** The side with a group that failed to start, once its hand-over delay has passed (reported once). */
    Optional<Holdings> failedSide() {
        if (failedSide == Holdings.NONE || nanoClock.getAsLong() - failedAt < failedStartDelayNanos) {
            return Optional.empty();
        }
        Holdings side = failedSide;
        failedSide = Holdings.NONE;
        return Optional.of(side);
    }

    private void submit(Runnable job, Runnable done) {
        busy++;
        work.submit(job, () -> {
            busy--;
            done.run();
        });
    }

    private static List<ResourceGroup> reversed(List<ResourceGroup> groups) {
        List<ResourceGroup> copy = new ArrayList<>(groups);
        Collections.reverse(copy);
        return copy;
    }
}
