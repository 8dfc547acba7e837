package lvsdirector.heartbeat.node;

import java.util.concurrent.CompletionStage;
import lvsdirector.heartbeat.wire.Message;

/** Combines listeners: an observer (e.g. metrics) sees every event before the main listener acts on it. */
public final class MembershipListeners {
    private MembershipListeners() {}

    /**
     * Both listeners get every event, {@code observer} first; {@link MembershipListener#leaving()} is the
     * main listener's alone (the observer has nothing to release).
     */
    public static MembershipListener observed(MembershipListener main, MembershipListener observer) {
        return new MembershipListener() {
            @Override
            public void statusChanged(String node, NodeStatus from, NodeStatus to) {
                observer.statusChanged(node, from, to);
                main.statusChanged(node, from, to);
            }

            @Override
            public void nodeUp(String node) {
                observer.nodeUp(node);
                main.nodeUp(node);
            }

            @Override
            public void nodeDead(String node) {
                observer.nodeDead(node);
                main.nodeDead(node);
            }

            @Override
            public void lateHeartbeat(String node, long intervalMillis, boolean pastDeadtime) {
                observer.lateHeartbeat(node, intervalMillis, pastDeadtime);
                main.lateHeartbeat(node, intervalMillis, pastDeadtime);
            }

            @Override
            public void nodeRestarted(String node, long oldGeneration, long newGeneration) {
                observer.nodeRestarted(node, oldGeneration, newGeneration);
                main.nodeRestarted(node, oldGeneration, newGeneration);
            }

            @Override
            public void partitionHealed(String node) {
                observer.partitionHealed(node);
                main.partitionHealed(node);
            }

            @Override
            public void localStatusChanged(NodeStatus status) {
                observer.localStatusChanged(status);
                main.localStatusChanged(status);
            }

            @Override
            public void message(String fromNode, Message message) {
                observer.message(fromNode, message);
                main.message(fromNode, message);
            }

            @Override
            public void overheard(String fromNode, Message message) {
                observer.overheard(fromNode, message);
                main.overheard(fromNode, message);
            }

            @Override
            public void tick() {
                observer.tick();
                main.tick();
            }

            @Override
            public CompletionStage<Void> leaving() {
                return main.leaving();
            }
        };
    }
}
