package lvsdirector.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import lvsdirector.ipvs.sync.PersistenceSnapshot;
import lvsdirector.ipvs.sync.PersistenceSnapshotJson;
import lvsdirector.ipvs.sync.SnapshotFormatException;

/**
 * The snapshot as one JSON file, replaced atomically (temporary file, fsync, rename), so a reader sees
 * the old or the new snapshot, never half of one.
 */
public record FilePersistenceStore(Path file) implements PersistenceStore {

    @Override
    public void save(PersistenceSnapshot snapshot) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        byte[] bytes = PersistenceSnapshotJson.encode(snapshot).getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public Optional<PersistenceSnapshot> load() throws IOException, SnapshotFormatException {
        try {
            return Optional.of(PersistenceSnapshotJson.decode(Files.readString(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
