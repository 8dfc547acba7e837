package lvsdirector.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** The file-system probes ldirectord makes while parsing (log and monitor files, maintenance directory). */
public interface FileAccess {

    /** Opens the file for append (creating it) and closes it; empty on success, else the strerror() text. */
    Optional<String> tryAppend(String path);

    boolean isDirectory(String path);

    /** The real file system. */
    static FileAccess jdk() {
        return mappedBy(Path::of);
    }

    /** Real file-system access after mapping each config path to a local path (tests use a root prefix). */
    static FileAccess mappedBy(java.util.function.Function<String, Path> mapping) {
        return new FileAccess() {
            @Override
            public Optional<String> tryAppend(String path) {
                if (path.isEmpty()) {
                    return Optional.of("No such file or directory");
                }
                try (OutputStream out = Files.newOutputStream(mapping.apply(path), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                    return Optional.empty();
                } catch (InvalidPathException | NoSuchFileException e) {
                    return Optional.of("No such file or directory");
                } catch (AccessDeniedException e) {
                    return Optional.of("Permission denied");
                } catch (FileSystemException e) {
                    return Optional.of(e.getReason() != null ? e.getReason() : "Input/output error");
                } catch (IOException | RuntimeException e) {
                    return Optional.of("Input/output error");
                }
            }

            @Override
            public boolean isDirectory(String path) {
                try {
                    return !path.isEmpty() && Files.isDirectory(mapping.apply(path));
                } catch (InvalidPathException e) {
                    return false;
                }
            }
        };
    }
}
