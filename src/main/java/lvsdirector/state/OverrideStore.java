package lvsdirector.state;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * {@code overrides.json} in the place {@link StateDirectory} decides. Loading never throws: a refused
 * place, a corrupt file or an unknown format gives no overrides plus the problem to report.
 */
public final class OverrideStore {
    private final StateDirectory directory;

    public OverrideStore(StateDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param seq     the file's sequence number, 0 when there is none
     * @param problem what went wrong (refusal, corrupt file...), null when nothing did
     */
    public record Loaded(Placement placement, Overrides overrides, long seq, String problem) {}

    public Loaded load() {
        Placement placement = directory.locate();
        if (placement instanceof Placement.Refused r) {
            return new Loaded(placement, Overrides.NONE, 0, r.reason());
        }
        StateRead read = directory.fileIn(placement, Overrides.FILE, Overrides.FORMAT).read();
        if (read instanceof StateRead.Present p) {
            try {
                return new Loaded(placement, Overrides.fromJson(p.document().payload()), p.document().seq(), null);
            } catch (IllegalArgumentException e) {
                return new Loaded(placement, Overrides.NONE, p.document().seq(),
                        "state file " + p.path() + ": " + e.getMessage() + "; treating it as no overrides");
            }
        }
        return new Loaded(placement, Overrides.NONE, 0, read.problem());
    }

    /**
     * Changes the overrides under the file's lock and returns what was written.
     *
     * @throws StateUnavailableException when this node may not write (e.g. DRBD Secondary)
     * @throws IOException               when the file cannot be written or has an unknown format
     */
    public Overrides update(UnaryOperator<Overrides> change) throws StateUnavailableException, IOException {
        StateFile file = directory.file(Overrides.FILE, Overrides.FORMAT);
        Overrides[] result = new Overrides[1];
        file.update(payload -> {
            Overrides current;
            try {
                current = Overrides.fromJson(payload);
            } catch (IllegalArgumentException e) {
                current = Overrides.NONE;
            }
            result[0] = change.apply(current);
            return result[0].toJson();
        });
        return result[0];
    }
}
