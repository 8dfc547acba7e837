package lvsdirector.cli.heartbeat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import lvsdirector.daemon.HeartbeatSource;
import lvsdirector.daemon.HeartbeatView;

/**
 * Read-only access for the director to a running heartbeat peer of this project: the same files
 * {@code heartbeat status}, {@code nodestatus} and {@code rscstatus} read (pid, node statuses, rscstatus
 * in the peer's state directory). Never writes, never talks to the peer's control socket.
 */
public final class PeerStatusFiles implements HeartbeatSource {
    public static final Path DEFAULT_DIR = Path.of("/var/lib/heartbeat");

    private final Path stateDir;

    public PeerStatusFiles(Path stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public Optional<HeartbeatView> read(String localNode) {
        if (Files.isDirectory(stateDir) && !Files.isExecutable(stateDir)) {
            return Optional.of(HeartbeatView.unreadable("no search permission on " + stateDir));
        }
        RuntimeFiles files = new RuntimeFiles(stateDir);
        try {
            if (files.runningPeer().isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> statuses = files.readStatuses();
            String resources = files.readRscStatus().orElse(null);
            return Optional.of(HeartbeatView.of(localNode, statuses, resources));
        } catch (IOException e) {
            return Optional.of(HeartbeatView.unreadable("cannot read the peer's files in " + stateDir + ": " + e));
        }
    }
}
