package lvsdirector.heartbeat.config;

import java.util.List;

/**
 * One resource of a haresources group: {@code script::arg1::arg2...}, run as
 * {@code script arg1 arg2 ... start|stop|status}. A bare dotted quad {@code a.b.c.d[/...]} is
 * {@code IPaddr::a.b.c.d[/...]}.
 *
 * @param text the resource as written in the file (the group key when it is the first of its line)
 */
public record Resource(String text, String script, List<String> arguments) {

    public Resource {
        arguments = List.copyOf(arguments);
    }

    /** The argument vector for an action, action last. */
    public List<String> command(String action) {
        List<String> argv = new java.util.ArrayList<>(arguments);
        argv.add(action);
        return List.copyOf(argv);
    }
}
