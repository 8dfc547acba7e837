package lvsdirector.heartbeat.resource;

/**
 * One resource of a haresources group, driven the way heartbeat's ResourceManager drives a script:
 * {@code start}, {@code stop} and {@code status}. Implementations are either built in (IPaddr,
 * IPaddr2, IPv6addr over rtnetlink) or run a script of {@code resource.d} or {@code init.d}.
 */
public interface ResourceAgent {

    /** The resource as written in haresources, e.g. {@code IPaddr::10.0.0.100/24/eth0}. */
    String name();

    /** Acquires the resource; returns only when it is held. */
    void start() throws ResourceException;

    /** Releases the resource; returns only when it is released. */
    void stop() throws ResourceException;

    /** Whether this node holds the resource now (heartbeat's "running" status). */
    boolean running() throws ResourceException;
}
