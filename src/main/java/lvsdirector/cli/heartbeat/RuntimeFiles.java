package lvsdirector.cli.heartbeat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lvsdirector.heartbeat.node.NodeStatus;

/**
 * The files a running peer keeps beside heartbeat's own in the state directory: its pid and the node
 * statuses it last saw (one {@code node status} line each), so that {@code status} and {@code stop} work
 * from another process.
 */
final class RuntimeFiles {
    static final String PID_FILE = "lvsd-heartbeat.pid";
    static final String STATUS_FILE = "lvsd-nodestatus";
    static final String RSC_FILE = "lvsd-rscstatus";

    private final Path dir;

    RuntimeFiles(Path dir) {
        this.dir = dir;
    }

    void writePid(long pid) throws IOException {
        replace(dir.resolve(PID_FILE), pid + "\n");
    }

    /** The pid of a running peer, or empty when none runs (a stale pid file is ignored). */
    Optional<ProcessHandle> runningPeer() throws IOException {
        Path file = dir.resolve(PID_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    void writeStatuses(Map<String, NodeStatus> statuses) throws IOException {
        StringBuilder text = new StringBuilder();
        statuses.forEach((node, status) -> text.append(node).append(' ').append(status.word()).append('\n'));
        replace(dir.resolve(STATUS_FILE), text.toString());
    }

    /** What {@code rscstatus} prints: none, local, foreign, all or transition. */
    void writeRscStatus(String status) throws IOException {
        replace(dir.resolve(RSC_FILE), status + "\n");
    }

    Optional<String> readRscStatus() throws IOException {
        Path file = dir.resolve(RSC_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    Map<String, String> readStatuses() throws IOException {
        Map<String, String> statuses = new LinkedHashMap<>();
        Path file = dir.resolve(STATUS_FILE);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 2);
                if (parts.length == 2) {
                    statuses.put(parts[0], parts[1]);
                }
            }
        }
        return statuses;
    }

    void removeAll() {
        for (String name : new String[] {PID_FILE, STATUS_FILE, RSC_FILE}) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                // best effort at exit
            }
        }
    }

    private void replace(Path file, String content) throws IOException {
        Files.createDirectories(dir);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
