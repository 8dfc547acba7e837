package lvsdirector.heartbeat.resource;

/** A resource action that failed; the message says which resource, which action and why. */
public class ResourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResourceException(String message) {
        super(message);
    }

    public ResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
