package lvsdirector.heartbeat.r1;

/** Resets a dead node before its groups are taken over ({@code stonith_host ... external}). */
public interface StonithHook {

    /** Whether a device is configured for {@code node}; without one heartbeat takes over at once. */
    boolean configuredFor(String node);

    /** Resets {@code node}; true when the reset succeeded. Runs on the resource worker. */
    boolean reset(String node);

    StonithHook NONE = new StonithHook() {
        @Override
        public boolean configuredFor(String node) {
            return false;
        }

        @Override
        public boolean reset(String node) {
            return false;
        }
    };
}
