package lvsdirector.heartbeat.media;

/** A medium of ha.cf cannot be opened; the message names the medium and the cause. */
public final class MediaException extends Exception {
    public MediaException(String message) {
        super(message);
    }
}
