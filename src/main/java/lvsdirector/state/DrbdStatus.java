package lvsdirector.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRBD 8.4 {@code /proc/drbd} text: per minor the connection state ({@code cs:}), the local and
 * peer roles ({@code ro:}), the local and peer disk states ({@code ds:}) and, while a resync or an
 * online verify runs, its progress. DRBD 9 prints only the version there; it then has no minors.
 */
public record DrbdStatus(String version, Map<Integer, Minor> minors) {
    private static final Pattern VERSION = Pattern.compile("^version:\\s*(\\S+)");
    private static final Pattern MINOR = Pattern.compile("^\\s*(\\d+):\\s+cs:(\\S+)(.*)$");
    private static final Pattern ROLES = Pattern.compile("\\bro:([^/\\s]+)/(\\S+)");
    private static final Pattern DISKS = Pattern.compile("\\bds:([^/\\s]+)/(\\S+)");
    private static final Pattern PROGRESS = Pattern.compile("\\b(sync'ed|verified):\\s*([0-9]+(?:\\.[0-9]+)?)%");
    private static final Pattern FINISH = Pattern.compile("\\bfinish:\\s*(\\d+):(\\d{2}):(\\d{2})");

    public DrbdStatus {
        minors = Collections.unmodifiableMap(new LinkedHashMap<>(minors));
    }

    /**
     * One DRBD device. Roles and disk states are null when the minor is unconfigured.
     *
     * @param resync the running resync or verify, null when none runs
     */
    public record Minor(int minor, String connection, String localRole, String peerRole, String localDisk,
                        String peerDisk, Resync resync) {

        public boolean configured() {
            return !"Unconfigured".equals(connection);
        }

        public boolean primary() {
            return "Primary".equals(localRole);
        }

        /** "ro:Secondary/Primary", as /proc/drbd writes it. */
        public String rolesText() {
            return "ro:" + localRole + "/" + peerRole;
        }
    }

    /**
     * @param kind    "sync'ed" for a resync, "verified" for an online verify
     * @param percent how much is done
     * @param finish  DRBD's estimate of the time left, null when it prints none
     */
    public record Resync(String kind, double percent, Duration finish) {}

    public Optional<Minor> minor(int number) {
        return Optional.ofNullable(minors.get(number));
    }

    /** Parses the text; lines it does not know are skipped. */
    public static DrbdStatus parse(String text) {
        String version = null;
        Map<Integer, Minor> minors = new LinkedHashMap<>();
        Minor current = null;
        for (String line : text.split("\n")) {
            Matcher v = VERSION.matcher(line);
            Matcher m = MINOR.matcher(line);
            if (v.find()) {
                version = v.group(1);
            } else if (m.matches()) {
                current = minor(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
                minors.put(current.minor(), current);
            } else if (current != null) {
                Resync resync = resync(line, current.resync());
                if (resync != current.resync()) {
                    current = new Minor(current.minor(), current.connection(), current.localRole(), current.peerRole(),
                            current.localDisk(), current.peerDisk(), resync);
                    minors.put(current.minor(), current);
                }
            }
        }
        return new DrbdStatus(version, minors);
    }

    /** The status, or empty when the file does not exist (no DRBD module loaded). */
    public static Optional<DrbdStatus> read(Path procDrbd) throws IOException {
        try {
            return Optional.of(parse(Files.readString(procDrbd, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static Minor minor(int number, String connection, String rest) {
        Matcher ro = ROLES.matcher(rest);
        Matcher ds = DISKS.matcher(rest);
        boolean hasRoles = ro.find();
        boolean hasDisks = ds.find();
        return new Minor(number, connection, hasRoles ? ro.group(1) : null, hasRoles ? ro.group(2) : null,
                hasDisks ? ds.group(1) : null, hasDisks ? ds.group(2) : null, null);
    }

    private static Resync resync(String line, Resync before) {
        Matcher p = PROGRESS.matcher(line);
        if (p.find()) {
            return new Resync(p.group(1), Double.parseDouble(p.group(2)), null);
        }
        Matcher f = FINISH.matcher(line);
        if (f.find() && before != null) {
            Duration left = Duration.ofHours(Long.parseLong(f.group(1))).plusMinutes(Long.parseLong(f.group(2)))
                    .plusSeconds(Long.parseLong(f.group(3)));
            return new Resync(before.kind(), before.percent(), left);
        }
        return before;
    }
}
