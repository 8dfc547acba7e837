package lvsdirector.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The file the DRBD split-brain handler ({@code drbd-sync/handlers/split-brain}) leaves in the node-local
 * state directory, {@code drbd-split-brain.RESOURCE}: its modification time is when DRBD last reported an
 * unresolved split brain, its first line the message the handler logged. Node-local on purpose: a split
 * brain is reported exactly when the DRBD directory cannot be trusted.
 */
public record SplitBrainMarker(Path path, Instant at, String message) {
    public static final String PREFIX = "drbd-split-brain.";

    public static Path path(Path localDir, String resource) {
        return localDir.resolve(PREFIX + resource);
    }

    /** The marker of {@code resource}, or empty when the handler never ran here. */
    public static Optional<SplitBrainMarker> read(Path localDir, String resource) throws IOException {
        Path file = path(localDir, resource);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String first = text.lines().findFirst().orElse("").strip();
            return Optional.of(new SplitBrainMarker(file, Files.getLastModifiedTime(file).toInstant(), first));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
