package lvsdirector.heartbeat.r1;

import java.util.Locale;
import java.util.Optional;

/**
 * heartbeat's {@code rsc_hold}: which sides of the haresources groups a node holds, its own (local) and
 * the other nodes' (foreign), always from the point of view of the node that says it.
 */
public enum Holdings {
    NONE(false, false), LOCAL(true, false), FOREIGN(false, true), ALL(true, true);

    private final boolean local;
    private final boolean foreign;

    Holdings(boolean local, boolean foreign) {
        this.local = local;
        this.foreign = foreign;
    }

    public static Holdings of(boolean local, boolean foreign) {
        return local ? (foreign ? ALL : LOCAL) : (foreign ? FOREIGN : NONE);
    }

    /** The value of an {@code rsc_hold} field; {@code failback} (from hb_takeover) means the sender's local groups. */
    public static Optional<Holdings> parse(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "none" -> Optional.of(NONE);
            case "local", "failback" -> Optional.of(LOCAL);
            case "foreign" -> Optional.of(FOREIGN);
            case "all" -> Optional.of(ALL);
            default -> Optional.empty();
        };
    }

    public boolean local() {
        return local;
    }

    public boolean foreign() {
        return foreign;
    }

    public Holdings plus(Holdings other) {
        return of(local || other.local, foreign || other.foreign);
    }

    public Holdings minus(Holdings other) {
        return of(local && !other.local, foreign && !other.foreign);
    }

    /** The same groups as the other node names them: its local are our foreign and vice versa. */
    public Holdings mirrored() {
        return of(foreign, local);
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
