package lvsdirector.director;

import lvsdirector.config.VirtualConfig;
import lvsdirector.support.InetAddrs;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;

/**
 * A change the director made (or tried to make) to the table, with ldirectord's log text for it. The
 * same text is the subject of the e-mail alert.
 *
 * @param realText "RIP:port" as ldirectord names the server (null for virtual-server events)
 */
public record DirectorEvent(Kind kind, String message, VirtualConfig virtual, RealKey real, String realText) {

    public enum Kind {
        ADDED_VIRTUAL, CHANGED_VIRTUAL, PURGED_VIRTUAL_START, PURGED_VIRTUAL_STOP,
        ADDED_REAL, RESTORED_REAL, QUIESCENT_REAL, READD_QUIESCENT_REAL, DELETED_REAL,
        ADDED_FALLBACK, RESTORED_FALLBACK, DELETED_FALLBACK,
        PURGED_REAL_START, PURGED_REAL_STOP;

        /** Changes of a real or fallback server are mailed; virtual-server changes are not. */
        public boolean alerts() {
            return this != ADDED_VIRTUAL && this != CHANGED_VIRTUAL && this != PURGED_VIRTUAL_START
                    && this != PURGED_VIRTUAL_STOP;
        }

        /** A configured real leaving service starts the "Inaccessible real server" reminder. */
        public boolean startsReminder() {
            return this == QUIESCENT_REAL || this == READD_QUIESCENT_REAL || this == DELETED_REAL;
        }

        public boolean bringsRealUp() {
            return this == ADDED_REAL || this == RESTORED_REAL;
        }
    }

    public static DirectorEvent virtualEvent(Kind kind, VirtualConfig v) {
        String text = switch (kind) {
            case ADDED_VIRTUAL -> "Added virtual server: ";
            case CHANGED_VIRTUAL -> "Changed virtual server: ";
            case PURGED_VIRTUAL_START -> "Purged virtual server (start): ";
            case PURGED_VIRTUAL_STOP -> "Purged virtual server (stop): ";
            default -> throw new IllegalArgumentException(kind + " is not a virtual-server event");
        };
        return new DirectorEvent(kind, text + v.address().logName(), v, null, null);
    }

    /**
     * A real/fallback event. {@code configuredPort} is the port of the real= line; when the kernel stores
     * the destination under another port (gate/ipip) the removing verbs say "stored mapped from configured",
     * as ldirectord does.
     */
    public static DirectorEvent serverEvent(Kind kind, VirtualConfig v, RealKey real, int configuredPort, Destination d) {
        DestinationKey stored = real.destination();
        String configured = InetAddrs.hostPort(stored.address(), configuredPort);
        String name = configured;
        boolean removing = kind == Kind.QUIESCENT_REAL || kind == Kind.DELETED_REAL || kind == Kind.DELETED_FALLBACK
                || kind == Kind.PURGED_REAL_STOP;
        if (removing && configuredPort != stored.port()) {
            name = stored + " mapped from " + configured;
        }
        String vs = " (" + v.address().logName() + ")";
        String text = switch (kind) {
            case ADDED_REAL -> "Added real server: " + name + vs + weight(d);
            case RESTORED_REAL -> "Restored real server: " + name + vs + weight(d);
            case QUIESCENT_REAL -> "Quiescent real server: " + name + vs + " (Weight set to 0)";
            case READD_QUIESCENT_REAL -> "Readd Quiescent real server: " + name + vs + " (Weight set to 0)";
            case DELETED_REAL -> "Deleted real server: " + name + vs;
            case ADDED_FALLBACK -> "Added fallback server: " + name + vs + weight(d);
            case RESTORED_FALLBACK -> "Restored fallback server: " + name + vs + weight(d);
            case DELETED_FALLBACK -> "Deleted fallback server: " + name + vs;
            case PURGED_REAL_START -> "Purged real server (start): " + name + vs;
            case PURGED_REAL_STOP -> "Purged real server (stop): " + name + vs;
            default -> throw new IllegalArgumentException(kind + " is not a server event");
        };
        return new DirectorEvent(kind, text, v, real, configured);
    }

    private static String weight(Destination d) {
        return " (Weight set to " + d.weight() + ")";
    }
}
