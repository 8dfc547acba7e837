package lvsdirector.sanity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Read-only access to the kernel's pseudo files (/proc, /sys) and /lib/modules, by absolute path. */
public interface SystemFiles {

    /** The file's text, or empty when it does not exist or cannot be read. */
    Optional<String> read(String path);

    /** Whether the file or directory exists. */
    boolean exists(String path);

    /** The first line of the file, trimmed: how a sysctl value reads. */
    default Optional<String> value(String path) {
        return read(path).map(text -> text.lines().findFirst().orElse("").trim());
    }

    /** This machine's files. */
    static SystemFiles host() {
        return under(Path.of("/"));
    }

    /** Files below another root: "/proc/x" is read as root/proc/x. */
    static SystemFiles under(Path root) {
        Objects.requireNonNull(root, "root");
        return new SystemFiles() {
            @Override
            public Optional<String> read(String path) {
                Path file = resolve(path);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException | UncheckedIOException e) {
                    return Optional.empty();
                }
            }

            @Override
            public boolean exists(String path) {
                return Files.exists(resolve(path));
            }

            private Path resolve(String path) {
                return root.resolve(path.startsWith("/") ? path.substring(1) : path);
            }
        };
    }
}
