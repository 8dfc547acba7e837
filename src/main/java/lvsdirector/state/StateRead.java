package lvsdirector.state;

import java.nio.file.Path;

/** What reading a state file found. Reading never throws: every problem is one of these answers. */
public sealed interface StateRead {

    Path path();

    /** The file does not exist yet. */
    record Missing(Path path) implements StateRead {}

    record Present(Path path, StateDocument document) implements StateRead {}

    /** The file is not a state document (bad JSON, missing envelope); treated as no state. */
    record Corrupt(Path path, String error) implements StateRead {}

    /** A format this program does not know (e.g. written by a newer version); never overwritten. */
    record UnknownFormat(Path path, int format, String error) implements StateRead {}

    /** The problem to report, or null when the file was read or simply does not exist yet. */
    default String problem() {
        if (this instanceof Corrupt c) {
            return c.error();
        }
        if (this instanceof UnknownFormat u) {
            return u.error();
        }
        return null;
    }
}
