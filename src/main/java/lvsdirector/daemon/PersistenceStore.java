package lvsdirector.daemon;

import java.io.IOException;
import java.util.Optional;
import lvsdirector.ipvs.sync.PersistenceSnapshot;
import lvsdirector.ipvs.sync.SnapshotFormatException;

/** Where the active director keeps its persistence-template snapshot (the DRBD state directory in production). */
public interface PersistenceStore {
    void save(PersistenceSnapshot snapshot) throws IOException;

    /** The last saved snapshot, empty when none was ever saved. */
    Optional<PersistenceSnapshot> load() throws IOException, SnapshotFormatException;
}
