package lvsdirector.daemon;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Optional;
import lvsdirector.ipvs.sync.PersistenceSnapshot;
import lvsdirector.ipvs.sync.PersistenceSnapshotJson;
import lvsdirector.ipvs.sync.SnapshotFormatException;
import lvsdirector.state.StateDirectory;
import lvsdirector.state.StateRead;
import lvsdirector.state.StateUnavailableException;

/**
 * {@code persistence.json} in the state directory: written through {@link lvsdirector.state.StateFile}
 * (crash-safe, format and sequence number) and only where {@link StateDirectory} allows it — the DRBD
 * directory on the Primary with it mounted, the node-local one when no DRBD directory is in use; a
 * Secondary refuses, with the reason.
 */
public final class StatePersistenceStore implements PersistenceStore {
    static final String FILE = "persistence.json";

    private final StateDirectory directory;

    public StatePersistenceStore(StateDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void save(PersistenceSnapshot snapshot) throws IOException {
        JsonObject payload = PersistenceSnapshotJson.toJson(snapshot);
        payload.remove("format");
        payload.remove("node");
        payload.remove("written_at_ms");
        payload.put("taken_at_ms", snapshot.takenAtMs());
        try {
            directory.file(FILE, PersistenceSnapshotJson.FORMAT).write(payload);
        } catch (StateUnavailableException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<PersistenceSnapshot> load() throws IOException, SnapshotFormatException {
        StateRead read;
        try {
            read = directory.file(FILE, PersistenceSnapshotJson.FORMAT).read();
        } catch (StateUnavailableException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (read instanceof StateRead.Missing) {
            return Optional.empty();
        }
        if (read instanceof StateRead.Present present) {
            JsonObject json = present.document().payload().copy()
                    .put("format", PersistenceSnapshotJson.FORMAT)
                    .put("node", present.document().node() == null ? "" : present.document().node())
                    .put("written_at_ms", present.document().payload().getLong("taken_at_ms",
                            present.document().writtenAtMs()));
            return Optional.of(PersistenceSnapshotJson.fromJson(json));
        }
        throw new SnapshotFormatException(read instanceof StateRead.Corrupt c ? c.error()
                : ((StateRead.UnknownFormat) read).error());
    }
}
