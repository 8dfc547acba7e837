package lvsdirector.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code /proc/mounts} table: device, mount point and type of every mount, in mount order. */
public record MountTable(List<Mount> mounts) {

    public MountTable {
        mounts = List.copyOf(mounts);
    }

    public record Mount(String device, Path mountPoint, String type) {}

    public static MountTable parse(String text) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3) {
                mounts.add(new Mount(unescape(fields[0]), Path.of(unescape(fields[1])), fields[2]));
            }
        }
        return new MountTable(mounts);
    }

    public static MountTable read(Path procMounts) throws IOException {
        return parse(Files.readString(procMounts, StandardCharsets.UTF_8));
    }

    /** What is mounted on {@code dir} now: the last mount there, since a later mount hides earlier ones. */
    public Optional<Mount> at(Path dir) {
        Path wanted = dir.toAbsolutePath().normalize();
        Mount found = null;
        for (Mount m : mounts) {
            if (m.mountPoint().equals(wanted)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The kernel writes space, tab, newline and backslash in octal ("\040"). */
    static String unescape(String field) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                sb.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
