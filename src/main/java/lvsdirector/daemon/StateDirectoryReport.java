package lvsdirector.daemon;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lvsdirector.metrics.StatusReport;
import lvsdirector.state.DrbdStatus;
import lvsdirector.state.Placement;
import lvsdirector.state.StateSettings;

/**
 * The state directory as status output shows it: placement with its reason, the DRBD minor's roles,
 * connection and disks, the split-brain flag, and the envelope (seq, writer, time) of each state file in
 * the directory in use. Reads /proc/drbd and the directory: call it off the event loop.
 */
final class StateDirectoryReport {
    private StateDirectoryReport() {}

    static StatusReport.StateDirectory of(Placement placement, StateSettings settings, long lastWriteMillis) {
        String kind = placement instanceof Placement.Shared ? "shared" : placement instanceof Placement.Local ? "local" : "refused";
        // local means no DRBD state directory here at all; refused means DRBD is there but not ours to write
        Boolean primary = placement instanceof Placement.Shared s ? Boolean.valueOf(s.minor().primary())
                : placement instanceof Placement.Refused ? Boolean.FALSE : null;
        StatusReport.Drbd drbd = placement instanceof Placement.Local ? null : drbd(settings).orElse(null);
        boolean splitBrain = drbd != null && "StandAlone".equals(drbd.connection());
        return new StatusReport.StateDirectory(kind, primary, lastWriteMillis, placement.describe(), drbd, splitBrain,
                files(placement));
    }

    private static Optional<StatusReport.Drbd> drbd(StateSettings settings) {
        try {
            int minor = settings.drbdMinor();
            return DrbdStatus.read(settings.procDrbd()).flatMap(d -> d.minor(minor)).map(m -> new StatusReport.Drbd(
                    settings.drbdResource(), m.minor(), m.connection(), m.localRole(), m.peerRole(), m.localDisk(),
                    m.peerDisk()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The JSON state files (not the hidden temp and lock files) of the directory in use, by name. */
    static List<StatusReport.StateFileInfo> files(Placement placement) {
        Path dir = placement instanceof Placement.Shared s ? s.dir() : placement instanceof Placement.Local l ? l.dir() : null;
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<StatusReport.StateFileInfo> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "[!.]*.json")) {
            for (Path file : entries) {
                files.add(envelope(file));
            }
        } catch (IOException e) {
            files.add(new StatusReport.StateFileInfo(dir.toString(), -1, null, null, "cannot list: " + e.getMessage()));
        }
        files.sort(Comparator.comparing(StatusReport.StateFileInfo::name));
        return files;
    }

    private static StatusReport.StateFileInfo envelope(Path file) {
        String name = file.getFileName().toString();
        try {
            JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
            long seq = json.getValue("seq") instanceof Number n ? n.longValue() : -1;
            Instant at = json.getValue("written_at_ms") instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
            return new StatusReport.StateFileInfo(name, seq, at, json.getString("node"),
                    seq < 0 ? "no \"seq\"" : null);
        } catch (IOException | DecodeException | ClassCastException e) {
            return new StatusReport.StateFileInfo(name, -1, null, null, "unreadable: " + e.getMessage());
        }
    }
}
