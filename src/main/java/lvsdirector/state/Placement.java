package lvsdirector.state;

import java.nio.file.Path;

/** Where this node keeps its state right now, or why it may not write any. */
public sealed interface Placement {

    /** A short description for status output ("Primary r0, /var/lib/lvs-director/state"). */
    String describe();

    /** The DRBD state directory: this node is Primary and the directory is a mount of the DRBD device. */
    record Shared(Path dir, String resource, DrbdStatus.Minor minor) implements Placement {
        @Override
        public String describe() {
            return minor.localRole() + " " + resource + ", " + dir;
        }
    }

    /** Node-local storage: no DRBD state directory is in use on this node. */
    record Local(Path dir, String why) implements Placement {
        @Override
        public String describe() {
            return "node-local " + dir + " (" + why + ")";
        }
    }

    /** A DRBD state directory is in use, but this node may not write it (Secondary, not mounted...). */
    record Refused(String reason) implements Placement {
        @Override
        public String describe() {
            return "refused: " + reason;
        }

        /** "DRBD r0 is Secondary (ro:Secondary/Primary); not writing overrides.json". */
        public String refusal(String fileName) {
            return reason + "; not writing " + fileName;
        }
    }
}
