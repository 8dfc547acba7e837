package lvsdirector.heartbeat.config;

import java.util.List;

/**
 * One haresources line: the node that prefers the group and its resources, started left to right and
 * stopped right to left.
 *
 * @param line the file line where the group starts
 */
public record ResourceGroup(String node, List<Resource> resources, int line) {

    public ResourceGroup {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("a resource group needs at least one resource");
        }
        resources = List.copyOf(resources);
    }

    /** The group key heartbeat uses in messages: the first resource as written. */
    public String key() {
        return resources.get(0).text();
    }
}
