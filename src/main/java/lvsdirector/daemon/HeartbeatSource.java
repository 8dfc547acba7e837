package lvsdirector.daemon;

/**
 * Reads the HA peer's state on this host, read-only. May block (files, a command with a timeout); the
 * daemon calls it off the event loop only ({@link HeartbeatMonitor}).
 */
@FunctionalInterface
public interface HeartbeatSource {

    /** The peer's view, or empty when this kind of peer is not running here. */
    java.util.Optional<HeartbeatView> read(String localNode);

    /** The first source that finds its peer running; "not running" when none does. */
    static HeartbeatSource firstRunning(HeartbeatSource... sources) {
        return localNode -> {
            for (HeartbeatSource source : sources) {
                java.util.Optional<HeartbeatView> view = source.read(localNode);
                if (view.isPresent()) {
                    return view;
                }
            }
            return java.util.Optional.of(HeartbeatView.NOT_RUNNING);
        };
    }
}
