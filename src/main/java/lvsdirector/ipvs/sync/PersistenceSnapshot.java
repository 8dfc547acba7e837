package lvsdirector.ipvs.sync;

import java.util.List;
import java.util.Objects;

/**
 * The persistence templates of the active director at one moment, with absolute expiry, so that a node
 * taking over later (even after both rebooted) can restore the ones still valid.
 *
 * @param node     host name of the director that took it
 * @param takenAtMs epoch milliseconds when the kernel table was read
 */
public record PersistenceSnapshot(String node, long takenAtMs, List<PersistenceTemplate> templates) {
    public PersistenceSnapshot {
        Objects.requireNonNull(node, "node");
        templates = List.copyOf(templates);
    }
}
