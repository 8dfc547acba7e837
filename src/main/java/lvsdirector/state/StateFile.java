package lvsdirector.state;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * One JSON state file, replaced crash-safely: the new text goes to {@code .NAME.tmp} in the same
 * directory, is forced to disk, renamed over NAME (atomic) and the directory entry is forced too, so
 * after a crash of the process or the kernel the file is the old or the new document, never a mix.
 * Every document carries {@code format}, {@code seq}, {@code node} and {@code written_at_ms} next to the
 * payload's fields. Writers in several processes are serialised by a lock on {@code .NAME.lock}.
 */
public final class StateFile {
    public static final Set<String> ENVELOPE = Set.of("format", "seq", "node", "written_at_ms");
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;
    private final String name;
    private final int format;
    private final String node;
    private final Clock clock;
    private final LongConsumer written;
    private long lastSeq;

    /**
     * @param format the payload format this program reads and writes
     * @param node   the name written as {@code node}
     */
    public StateFile(Path dir, String name, int format, String node, Clock clock) {
        this(dir, name, format, node, clock, ms -> { });
    }

    /** Like the plain constructor; {@code written} gets the write time (ms) of each successful write. */
    public StateFile(Path dir, String name, int format, String node, Clock clock, LongConsumer written) {
        if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
            throw new IllegalArgumentException("state file name must be a plain file name: " + name);
        }
        this.dir = dir;
        this.name = name;
        this.format = format;
        this.node = node;
        this.clock = clock;
        this.written = written;
    }

    public Path path() {
        return dir.resolve(name);
    }

    public int format() {
        return format;
    }

    /** Reads the file; never throws. */
    public StateRead read() {
        Path path = path();
        return readText(path, "; treating it as no state", text -> parse(path, text, format));
    }

    /**
     * Reads any state file's envelope whatever its format (for status listings, never for loading):
     * a file of an unknown format still shows its seq, node and age.
     */
    public static StateRead inspect(Path path) {
        return readText(path, "", text -> {
            Object format = null;
            try {
                format = new JsonObject(text).getValue("format");
            } catch (DecodeException | ClassCastException e) {
                // parse() says what is wrong
            }
            return parse(path, text, format instanceof Number n ? n.intValue() : -1);
        });
    }

    private static StateRead readText(Path path, String afterError, Function<String, StateRead> parser) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new StateRead.Missing(path);
        } catch (IOException e) {
            return new StateRead.Corrupt(path, "state file " + path + " cannot be read (" + e.getMessage() + ")" + afterError);
        }
        return parser.apply(text);
    }

    /** Parses the text of a state file that should have {@code expectedFormat}. */
    static StateRead parse(Path path, String text, int expectedFormat) {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return corrupt(path, "is not a JSON object (" + firstLine(e.getMessage()) + ")");
        }
        if (!(json.getValue("format") instanceof Number f) || f.doubleValue() != f.intValue()) {
            return corrupt(path, "has no integer \"format\"");
        }
        if (f.intValue() != expectedFormat) {
            return new StateRead.UnknownFormat(path, f.intValue(), "state file " + path + " has format " + f.intValue()
                    + ", but this lvs-director reads format " + expectedFormat + " only; leaving it untouched");
        }
        if (!(json.getValue("seq") instanceof Number seq) || seq.longValue() < 0) {
            return corrupt(path, "has no non-negative integer \"seq\"");
        }
        Object writtenAt = json.getValue("written_at_ms");
        Object writer = json.getValue("node");
        JsonObject payload = json.copy();
        ENVELOPE.forEach(payload::remove);
        return new StateRead.Present(path, new StateDocument(f.intValue(), seq.longValue(),
                writer instanceof String s ? s : null, writtenAt instanceof Number n ? n.longValue() : 0, payload));
    }

    private static StateRead corrupt(Path path, String what) {
        return new StateRead.Corrupt(path, "state file " + path + " " + what + "; treating it as no state");
    }

    /** Replaces the payload; returns the document written. */
    public StateDocument write(JsonObject payload) throws IOException {
        return update(previous -> payload);
    }

    /**
     * Reads, changes and writes the file under its lock. The change gets the current payload (empty when
     * the file is missing or corrupt). A file of another format is never overwritten.
     *
     * @throws IOException also when the file has an unknown format (message names file and format)
     */
    public StateDocument update(UnaryOperator<JsonObject> change) throws IOException {
        Files.createDirectories(dir);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(path().toAbsolutePath().normalize(), p -> new ReentrantLock());
        local.lock();
        try (FileChannel lockChannel = FileChannel.open(dir.resolve("." + name + ".lock"), CREATE, WRITE);
             FileLock ignored = lockChannel.lock()) {
            StateRead current = read();
            if (current instanceof StateRead.UnknownFormat u) {
                throw new IOException(u.error());
            }
            JsonObject base = new JsonObject();
            if (current instanceof StateRead.Present p) {
                base = p.document().payload();
                lastSeq = Math.max(lastSeq, p.document().seq());
            }
            JsonObject payload = change.apply(base);
            StateDocument written = new StateDocument(format, lastSeq + 1, node, clock.millis(), payload);
            replace(encode(written));
            lastSeq = written.seq();
            this.written.accept(written.writtenAtMs());
            return written;
        } finally {
            local.unlock();
        }
    }

    static byte[] encode(StateDocument d) {
        JsonObject json = new JsonObject().put("format", d.format()).put("seq", d.seq()).put("node", d.node())
                .put("written_at_ms", d.writtenAtMs());
        for (Map.Entry<String, Object> e : d.payload()) {
            if (ENVELOPE.contains(e.getKey())) {
                throw new IllegalArgumentException("a state payload may not set the envelope field " + e.getKey());
            }
            json.put(e.getKey(), e.getValue());
        }
        return (json.encodePrettily() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void replace(byte[] data) throws IOException {
        Path tmp = dir.resolve("." + name + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, CREATE, WRITE, TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        Files.move(tmp, path(), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, READ)) {
            d.force(true);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
