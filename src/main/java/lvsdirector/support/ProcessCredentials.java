package lvsdirector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who this process is, from the text of {@code /proc/self/status}: effective uid and gid and the effective
 * and ambient capability sets (bit masks, bit n = capability number n as in {@code linux/capability.h}).
 */
public record ProcessCredentials(int uid, int gid, long effectiveCapabilities, long ambientCapabilities) {
    public static final int CAP_SETGID = 6;
    public static final int CAP_SETUID = 7;
    public static final int CAP_NET_ADMIN = 12;
    public static final int CAP_NET_RAW = 13;

    /** This process, read now. */
    public static ProcessCredentials current() {
        try {
            return parse(Files.readString(Path.of("/proc/self/status")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status", e);
        }
    }

    /**
     * Parses a {@code /proc/PID/status} text.
     *
     * @throws IllegalArgumentException when a needed line is missing or malformed
     */
    public static ProcessCredentials parse(String status) {
        return new ProcessCredentials(
                Integer.parseInt(field(status, "Uid").split("\\s+")[1]),
                Integer.parseInt(field(status, "Gid").split("\\s+")[1]),
                Long.parseUnsignedLong(field(status, "CapEff"), 16),
                Long.parseUnsignedLong(field(status, "CapAmb"), 16));
    }

    private static String field(String status, String name) {
        Optional<String> value = status.lines().filter(l -> l.startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst();
        return value.orElseThrow(() -> new IllegalArgumentException("no " + name + ": line in the process status"));
    }

    public boolean isRoot() {
        return uid == 0;
    }

    public boolean hasEffective(int capability) {
        return (effectiveCapabilities & (1L << capability)) != 0;
    }

    public boolean hasAmbientCapabilities() {
        return ambientCapabilities != 0;
    }
}
