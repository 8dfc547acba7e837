package lvsdirector.heartbeat.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The node-local state heartbeat keeps in {@code /var/lib/heartbeat}, in heartbeat's own file formats so a
 * node can move between heartbeat and this peer in either direction without changing identity:
 * {@code hb_uuid} holds the 16 raw UUID bytes, {@code hb_generation} the generation as decimal text
 * right-aligned in 15 characters and a newline (16 bytes, as heartbeat 3.0.6 writes it). Both are written to a temporary file, fsync'ed and renamed, and the
 * directory is fsync'ed, before the first packet goes out.
 */
public final class StateDirectory {
    public static final Path DEFAULT = Path.of("/var/lib/heartbeat");
    public static final String UUID_FILE = "hb_uuid";
    public static final String GENERATION_FILE = "hb_generation";
    static final int GENERATION_WIDTH = 15;

    private final Path dir;

    public StateDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** The persistent UUID; a new random one is stored when the file is missing. */
    public byte[] uuid() throws IOException {
        Path file = dir.resolve(UUID_FILE);
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != 16) {
                throw new IOException(file + " holds " + bytes.length + " bytes, a node UUID is 16 raw bytes");
            }
            return bytes;
        }
        UUID random = UUID.randomUUID();
        byte[] bytes = ByteBuffer.allocate(16).putLong(random.getMostSignificantBits())
                .putLong(random.getLeastSignificantBits()).array();
        writeDurably(file, bytes);
        return bytes;
    }

    /**
     * Raises the stored generation by one and returns it; starts from {@code nowSeconds} when there is no
     * file (as heartbeat does). Never returns a value lower than one stored before.
     */
    public long nextGeneration(long nowSeconds) throws IOException {
        Path file = dir.resolve(GENERATION_FILE);
        long next = Files.exists(file) ? readGeneration(file) + 1 : nowSeconds;
        writeDurably(file, String.format("%" + GENERATION_WIDTH + "d\n", next).getBytes(StandardCharsets.US_ASCII));
        return next;
    }

    /** The stored generation, or -1 when there is none. */
    public long currentGeneration() throws IOException {
        Path file = dir.resolve(GENERATION_FILE);
        return Files.exists(file) ? readGeneration(file) : -1;
    }

    private static long readGeneration(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).replace("\0", "").trim();
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IOException(file + " does not hold a generation number: [" + text + "]");
        }
    }

    private void writeDurably(Path file, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + ".new");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(content));
            ch.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
