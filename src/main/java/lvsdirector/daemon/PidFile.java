package lvsdirector.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * ldirectord's pid file, /var/run/ldirectord.&lt;CFGNAME&gt;.pid. A pid file is live only when
 * /proc/&lt;pid&gt;/cmdline contains "ldirectord"; otherwise it is stale.
 */
public final class PidFile {
    private final Path path;
    private final Path proc;

    public PidFile(Path runDirectory, String configName) {
        this(runDirectory.resolve("ldirectord." + configName + ".pid"), Path.of("/proc"));
    }

    PidFile(Path path, Path proc) {
        this.path = path;
        this.proc = proc;
    }

    public Path path() {
        return path;
    }

    /** The pid written in the file, if the file exists and holds a number. */
    public OptionalLong read() {
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /**
     * The pid of the live daemon this file names, if any. Our own pid is never another daemon: in a pid
     * namespace (a container, a test rig) a daemon runs as pid 1 each time, so a file left by an earlier run
     * names the process reading it.
     */
    public OptionalLong livePid() {
        OptionalLong pid = read();
        if (pid.isPresent() && pid.getAsLong() != ProcessHandle.current().pid() && isLdirectord(pid.getAsLong())) {
            return pid;
        }
        return OptionalLong.empty();
    }

    boolean isLdirectord(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).contains("ldirectord");
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes "pid\n" atomically (temp file + rename). */
    public void write(long pid) throws IOException {
        Files.createDirectories(path.getParent());
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(temp, pid + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file only if it still names {@code pid}: never another daemon's file. */
    public void removeIfOwnedBy(long pid) {
        OptionalLong current = read();
        if (current.isPresent() && current.getAsLong() == pid) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a pid file that cannot be removed is reported stale by the next status
            }
        }
    }
}
