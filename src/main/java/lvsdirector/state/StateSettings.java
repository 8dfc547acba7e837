package lvsdirector.state;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvsdirector.support.Hostnames;

/**
 * Where state lives and how to tell whether this node may write it.
 *
 * @param stateDir    the DRBD-backed directory (null: none is used on this node)
 * @param localDir    node-local storage, used when no DRBD state directory is in use
 * @param drbdResource the DRBD resource's name, for messages ("r0")
 * @param drbdDevice  the DRBD device that must be mounted on {@code stateDir} ("/dev/drbd0")
 * @param procDrbd    normally /proc/drbd
 * @param procMounts  normally /proc/mounts
 * @param node        this node's name, written into every state file
 * @param heartbeatDir the HA peer's node-local directory, whose {@code hb_generation} goes into owner.json
 */
public record StateSettings(Path stateDir, Path localDir, String drbdResource, Path drbdDevice, Path procDrbd,
                            Path procMounts, String node, Path heartbeatDir) {
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/lvs-director/state");
    public static final Path DEFAULT_LOCAL_DIR = Path.of("/var/lib/lvs-director/local");
    /** Where heartbeat (and the project's peer) keep hb_uuid and hb_generation. */
    public static final Path DEFAULT_HEARTBEAT_DIR = Path.of("/var/lib/heartbeat");

    /** Settings with the default heartbeat directory. */
    public StateSettings(Path stateDir, Path localDir, String drbdResource, Path drbdDevice, Path procDrbd,
                         Path procMounts, String node) {
        this(stateDir, localDir, drbdResource, drbdDevice, procDrbd, procMounts, node, DEFAULT_HEARTBEAT_DIR);
    }
    private static final Pattern MINOR = Pattern.compile("drbd(\\d+)$");

    /**
     * The settings of the process environment: LVS_DIRECTOR_STATE_DIR ("none" turns the DRBD directory
     * off), LVS_DIRECTOR_LOCAL_DIR, LVS_DIRECTOR_DRBD_RESOURCE, LVS_DIRECTOR_DRBD_DEVICE,
     * LVS_DIRECTOR_PROC_DRBD, LVS_DIRECTOR_PROC_MOUNTS, LVS_DIRECTOR_NODE, LVS_DIRECTOR_HEARTBEAT_DIR;
     * defaults otherwise.
     */
    public static StateSettings fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, new StateSettings(DEFAULT_STATE_DIR, DEFAULT_LOCAL_DIR, "r0", Path.of("/dev/drbd0"),
                Path.of("/proc/drbd"), Path.of("/proc/mounts"), Hostnames.local()));
    }

    /** As {@link #fromEnvironment(Map)}, with {@code defaults} for what the environment does not set. */
    public static StateSettings fromEnvironment(Map<String, String> env, StateSettings defaults) {
        String state = env.get("LVS_DIRECTOR_STATE_DIR");
        Path stateDir = state == null ? defaults.stateDir()
                : state.isBlank() || state.toLowerCase(Locale.ROOT).equals("none") ? null : Path.of(state);
        return new StateSettings(stateDir,
                pathOr(env, "LVS_DIRECTOR_LOCAL_DIR", defaults.localDir()),
                env.getOrDefault("LVS_DIRECTOR_DRBD_RESOURCE", defaults.drbdResource()),
                pathOr(env, "LVS_DIRECTOR_DRBD_DEVICE", defaults.drbdDevice()),
                pathOr(env, "LVS_DIRECTOR_PROC_DRBD", defaults.procDrbd()),
                pathOr(env, "LVS_DIRECTOR_PROC_MOUNTS", defaults.procMounts()),
                env.getOrDefault("LVS_DIRECTOR_NODE", defaults.node()),
                pathOr(env, "LVS_DIRECTOR_HEARTBEAT_DIR", defaults.heartbeatDir()));
    }

    private static Path pathOr(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return value == null ? fallback : Path.of(value);
    }

    /** The DRBD minor of the device: the number of /dev/drbdN (also through a by-res symlink). */
    public int drbdMinor() {
        Matcher m = MINOR.matcher(drbdDevice.getFileName().toString());
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        try {
            Matcher real = MINOR.matcher(drbdDevice.toRealPath().getFileName().toString());
            if (real.find()) {
                return Integer.parseInt(real.group(1));
            }
        } catch (java.io.IOException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("cannot tell the DRBD minor of " + drbdDevice + " (expected /dev/drbdN)");
    }
}
