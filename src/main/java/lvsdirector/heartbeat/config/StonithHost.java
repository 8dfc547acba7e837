package lvsdirector.heartbeat.config;

import java.util.List;

/**
 * A {@code stonith_host HOST|* TYPE PARAMS...} line of ha.cf.
 *
 * @param host the node this device can reset, or {@code *} for any
 * @param type the STONITH plugin type, e.g. {@code external}
 */
public record StonithHost(String host, String type, List<String> parameters, int line) {

    public StonithHost {
        parameters = List.copyOf(parameters);
    }

    /** Whether this device may reset {@code node}. */
    public boolean covers(String node) {
        return host.equals("*") || host.equalsIgnoreCase(node);
    }
}
