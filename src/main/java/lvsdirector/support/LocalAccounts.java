package lvsdirector.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users and groups of the local files {@code /etc/passwd} and {@code /etc/group} (not NSS: users that only
 * exist in LDAP or similar are not seen). Built from the texts so that tests can give their own.
 */
public final class LocalAccounts {
    /** One passwd entry. */
    public record User(String name, int uid, int gid) {}

    /** One group entry: its gid and the names listed as supplementary members. */
    public record Group(String name, int gid, Set<String> members) {}

    private final Map<String, User> users = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();

    public LocalAccounts(String passwd, String group) {
        for (String[] f : records(passwd, 4)) {
            users.putIfAbsent(f[0], new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        for (String[] f : records(group, 3)) {
            Set<String> members = f.length > 3 && !f[3].isEmpty() ? Set.of(f[3].split(",")) : Set.of();
            groups.putIfAbsent(f[0], new Group(f[0], Integer.parseInt(f[2]), members));
        }
    }

    /** The system's files, read now; a missing file counts as empty. */
    public static LocalAccounts system() throws IOException {
        return new LocalAccounts(readOrEmpty(Path.of("/etc/passwd")), readOrEmpty(Path.of("/etc/group")));
    }

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    /** Colon-separated records with at least {@code minFields + 1} fields and numeric ids; others are skipped. */
    private static List<String[]> records(String text, int minFields) {
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("+") && !l.startsWith("-"))
                .map(l -> l.split(":", -1))
                .filter(f -> f.length >= minFields && f[2].matches("\\d{1,10}")
                        && (minFields < 4 || f[3].matches("\\d{1,10}")))
                .toList();
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** The uids whose primary group is the group, or who are listed in it. */
    public Set<Integer> uidsInGroup(String groupName) {
        Group group = groups.get(groupName);
        if (group == null) {
            return Set.of();
        }
        Set<Integer> uids = new HashSet<>();
        for (User user : users.values()) {
            if (user.gid() == group.gid() || group.members().contains(user.name())) {
                uids.add(user.uid());
            }
        }
        return Set.copyOf(uids);
    }
}
