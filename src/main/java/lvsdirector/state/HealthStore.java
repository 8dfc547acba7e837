package lvsdirector.state;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code health.json} in the place {@link StateDirectory} decides, like {@link OverrideStore}: loading
 * never throws (a refused place, a corrupt file or an unknown format gives no record plus the problem),
 * saving refuses where this node may not write.
 */
public final class HealthStore {
    private final StateDirectory directory;

    public HealthStore(StateDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param document the file's envelope (seq, writer, time) when it was read, else null
     * @param problem  what went wrong, null when nothing did (a missing file is no problem)
     */
    public record Loaded(Optional<HealthRecord> record, StateDocument document, String problem) {}

    public Loaded load() {
        Placement placement = directory.locate();
        if (placement instanceof Placement.Refused r) {
            return new Loaded(Optional.empty(), null, r.reason());
        }
        StateRead read = directory.fileIn(placement, HealthRecord.FILE, HealthRecord.FORMAT).read();
        if (read instanceof StateRead.Present p) {
            try {
                return new Loaded(Optional.of(HealthRecord.fromJson(p.document().payload())), p.document(), null);
            } catch (IllegalArgumentException e) {
                return new Loaded(Optional.empty(), p.document(),
                        "state file " + p.path() + ": " + e.getMessage() + "; treating it as no last known health");
            }
        }
        return new Loaded(Optional.empty(), null, read.problem());
    }

    /**
     * @throws StateUnavailableException when this node may not write (e.g. DRBD Secondary)
     * @throws IOException               when the file cannot be written or has an unknown format
     */
    public StateDocument save(HealthRecord record) throws StateUnavailableException, IOException {
        return directory.file(HealthRecord.FILE, HealthRecord.FORMAT).write(record.toJson());
    }
}
