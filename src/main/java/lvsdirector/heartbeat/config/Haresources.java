package lvsdirector.heartbeat.config;

import java.util.List;
import java.util.Locale;

/** A parsed haresources file: the resource groups in file order. */
public record Haresources(List<ResourceGroup> groups) {

    public Haresources {
        groups = List.copyOf(groups);
    }

    /** The groups whose home is {@code node} (compared case-insensitively). */
    public List<ResourceGroup> groupsOf(String node) {
        String n = node.toLowerCase(Locale.ROOT);
        return groups.stream().filter(g -> g.node().equals(n)).toList();
    }

    /** The groups whose home is another node. */
    public List<ResourceGroup> groupsNotOf(String node) {
        String n = node.toLowerCase(Locale.ROOT);
        return groups.stream().filter(g -> !g.node().equals(n)).toList();
    }
}
