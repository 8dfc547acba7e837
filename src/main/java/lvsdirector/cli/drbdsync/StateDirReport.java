package lvsdirector.cli.drbdsync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lvsdirector.state.HealthRecord;
import lvsdirector.state.MountTable;
import lvsdirector.state.OwnerRecord;
import lvsdirector.state.Placement;
import lvsdirector.state.StateDocument;
import lvsdirector.state.StateFile;
import lvsdirector.state.StateRead;

/**
 * The state-directory half of {@code drbd-sync status}: whether the DRBD directory is mounted, where this
 * node's state goes now, and every state file there with its seq, age and writer (for health.json how
 * many reals were up and down, for owner.json the owner and its heartbeat generation).
 */
final class StateDirReport {
    private StateDirReport() {}

    static List<String> lines(Path stateDir, Optional<MountTable.Mount> mount, Placement placement, Instant now) {
        List<String> out = new ArrayList<>();
        out.add("state directory " + stateDir + ": " + mount.map(m -> "mounted (" + m.device() + ", " + m.type() + ")")
                .orElse("not mounted"));
        out.add("  placement: " + placement.describe());
        Path listed = placement instanceof Placement.Shared s ? s.dir() : placement instanceof Placement.Local l ? l.dir() : null;
        if (listed == null) {
            return out;
        }
        List<Path> files = stateFiles(listed);
        if (files.isEmpty()) {
            out.add("  no state files in " + listed);
        }
        for (Path file : files) {
            out.add("  " + describe(StateFile.inspect(file), now));
        }
        return out;
    }

    static String describe(StateRead read, Instant now) {
        String name = read.path().getFileName().toString();
        if (read instanceof StateRead.Present p) {
            StateDocument d = p.document();
            String age = d.writtenAtMs() > 0 ? age(Duration.ofMillis(now.toEpochMilli() - d.writtenAtMs())) : "unknown";
            return String.format("%-18s seq %-8d age %-12s node %-10s format %d", name, d.seq(), age,
                    d.node() == null ? "?" : d.node(), d.format()) + content(name, d);
        }
        return String.format("%-18s UNREADABLE: %s", name, read.problem());
    }

    /** What the files this program knows say in short: how many reals were up, which incarnation owns. */
    private static String content(String name, StateDocument d) {
        try {
            if (name.equals(HealthRecord.FILE) && d.format() == HealthRecord.FORMAT) {
                List<HealthRecord.RealHealth> reals = HealthRecord.fromJson(d.payload()).reals();
                long up = reals.stream().filter(HealthRecord.RealHealth::up).count();
                return "  (" + up + " up, " + (reals.size() - up) + " down)";
            }
            if (name.equals(OwnerRecord.FILE) && d.format() == OwnerRecord.FORMAT) {
                OwnerRecord owner = OwnerRecord.fromJson(d.payload());
                return "  (owner " + owner.node() + (owner.generation() == null ? ""
                        : ", heartbeat generation " + owner.generation()) + ")";
            }
        } catch (RuntimeException e) {
            return "  (content unreadable: " + e.getMessage() + ")";
        }
        return "";
    }

    /** "42 s", "3 min 5 s", "2 h 10 min", "4 d 3 h"; a clock behind the writer's gives "in the future". */
    static String age(Duration d) {
        if (d.isNegative()) {
            return "in the future (" + age(d.negated()) + ")";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86400) {
            return s / 3600 + " h " + s / 60 % 60 + " min";
        }
        return s / 86400 + " d " + s / 3600 % 24 + " h";
    }

    private static List<Path> stateFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
