package lvsdirector.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, each time it is asked, where this node's state lives: the DRBD directory when this node is
 * Primary and the directory is a mount of the DRBD device; node-local storage when no DRBD state
 * directory is in use here at all (DRBD off, the minor unconfigured and nothing mounted); otherwise
 * nobody writes, and the answer says why.
 */
public final class StateDirectory {
    private final StateSettings settings;
    private final Clock clock;
    private final AtomicLong lastWriteMillis = new AtomicLong();

    public StateDirectory(StateSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Unix time (ms) of the last successful write of a file this directory handed out, 0 before the first. */
    public long lastWriteMillis() {
        return lastWriteMillis.get();
    }

    public StateSettings settings() {
        return settings;
    }

    /** Reads /proc/drbd and /proc/mounts now. */
    public Placement locate() {
        if (settings.stateDir() == null) {
            return new Placement.Local(settings.localDir(), "no DRBD state directory configured");
        }
        String resource = "DRBD " + settings.drbdResource();
        Optional<DrbdStatus> drbd;
        MountTable mounts;
        try {
            drbd = DrbdStatus.read(settings.procDrbd());
            mounts = MountTable.read(settings.procMounts());
        } catch (IOException e) {
            return new Placement.Refused("cannot read " + settings.procDrbd() + " or " + settings.procMounts() + ": "
                    + e.getMessage());
        }
        int minorNumber;
        try {
            minorNumber = settings.drbdMinor();
        } catch (IllegalArgumentException e) {
            return new Placement.Refused(e.getMessage());
        }
        Optional<DrbdStatus.Minor> minor = drbd.flatMap(d -> d.minor(minorNumber)).filter(DrbdStatus.Minor::configured);
        Optional<MountTable.Mount> mount = mounts.at(settings.stateDir());
        if (mount.isEmpty()) {
            if (minor.isEmpty()) {
                return new Placement.Local(settings.localDir(), "no DRBD state directory mounted at " + settings.stateDir());
            }
            DrbdStatus.Minor m = minor.get();
            return new Placement.Refused(resource + " is " + m.localRole() + " (" + m.rolesText() + ") and "
                    + settings.stateDir() + " is not mounted");
        }
        if (!sameDevice(mount.get().device(), settings.drbdDevice())) {
            return new Placement.Refused(settings.stateDir() + " is a mount of " + mount.get().device()
                    + ", not of the DRBD device " + settings.drbdDevice());
        }
        if (minor.isEmpty()) {
            return new Placement.Refused(resource + " (minor " + minorNumber + ") is not configured in "
                    + settings.procDrbd() + " although " + settings.stateDir() + " is mounted");
        }
        DrbdStatus.Minor m = minor.get();
        if (!m.primary()) {
            return new Placement.Refused(resource + " is " + m.localRole() + " (" + m.rolesText() + ")");
        }
        return new Placement.Shared(settings.stateDir(), settings.drbdResource(), m);
    }

    /**
     * The named state file in the current place.
     *
     * @throws StateUnavailableException when this node may not write state now (the message says why)
     */
    public StateFile file(String name, int format) throws StateUnavailableException {
        Placement p = locate();
        if (p instanceof Placement.Refused r) {
            throw new StateUnavailableException(r.refusal(name));
        }
        return fileIn(p, name, format);
    }

    /** The named state file of a placement that is not refused. */
    public StateFile fileIn(Placement p, String name, int format) {
        Path dir;
        if (p instanceof Placement.Shared s) {
            dir = s.dir();
        } else if (p instanceof Placement.Local l) {
            dir = l.dir();
        } else {
            throw new IllegalArgumentException(p.describe());
        }
        return new StateFile(dir, name, format, settings.node(), clock, ms -> lastWriteMillis.accumulateAndGet(ms, Math::max));
    }

    private static boolean sameDevice(String mounted, Path configured) {
        if (Path.of(mounted).equals(configured)) {
            return true;
        }
        try {
            return Files.exists(configured) && Path.of(mounted).toRealPath().equals(configured.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
